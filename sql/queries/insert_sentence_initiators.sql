-- purpose: whom a sentence presents as having started it, in whose voice (analysis.write_detections; rows in the
-- table's column order: sentence_id, voice, attributed_to, attributed_party, actor_party, action, target_party).
insert into sentence_initiators values (?, ?, ?, ?, ?, ?, ?)
