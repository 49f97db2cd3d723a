-- purpose: where two sentences of one claim (or of one article) disagree (analysis.write_detections; rows in column
-- order).
insert into claim_disagreements (event_id, kind, claim_id, outlet_a, outlet_b, sentence_a, sentence_b,
                                 value_a, value_b, explanation, severity)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
