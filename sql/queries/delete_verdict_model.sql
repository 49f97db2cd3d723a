-- purpose: empty the verdict gate's weights before store.migrate refills them from rashomon/models/verdict_gate.json.
delete from verdict_model
