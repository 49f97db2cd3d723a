-- purpose: empty the blame gate's weights before store.migrate refills them from rashomon/models/blame_gate.json.
delete from blame_model
