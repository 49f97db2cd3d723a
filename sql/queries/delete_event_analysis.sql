-- purpose: drop an event's detector output before it is recomputed (one transaction with the inserts).
delete from sentence_initiators where sentence_id in (select sentence_id from sentence_analysis where event_id = $event_id);
delete from sentence_acts where sentence_id in (select sentence_id from sentence_analysis where event_id = $event_id);
delete from sentence_numbers where sentence_id in (select sentence_id from sentence_analysis where event_id = $event_id);
delete from sentence_analysis where event_id = $event_id;
delete from claim_disagreements where event_id = $event_id;
