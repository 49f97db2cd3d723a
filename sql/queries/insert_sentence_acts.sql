-- purpose: the hostile acts a sentence reports, one row each (analysis.write_detections; rows in column order).
insert into sentence_acts (sentence_id, act_no, actor_party, actor_text, action, target_party,
                           target_text, initiating, background, negated, reported, evidence, claimed_by)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
