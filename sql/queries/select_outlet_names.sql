-- purpose: every outlet's display name, by outlet id (the detectors' explanations name outlets).
select outlet_id, name from outlets
