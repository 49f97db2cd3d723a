-- purpose: replace an event's candidate sentence pairs for a model with the Arrow table new_candidates
-- registered by stages.align_event.
delete from alignment_candidates where event_id = $event_id and model = $model;

insert into alignment_candidates by name
select * from new_candidates;
