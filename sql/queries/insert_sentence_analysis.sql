-- purpose: one sentence's voice, places, times, loaded terms, operation and place names, weapon systems (analysis.write_detections; rows
-- in column order).
insert into sentence_analysis (sentence_id, event_id, outlet_id, voice, attributed_to, attributed_party,
                               cue, hostile_act, background, places, times, loaded_terms, operations,
                               toponyms, weapons)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
