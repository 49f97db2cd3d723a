-- purpose: the figures a sentence states, one row each (analysis.write_detections; rows in column order).
insert into sentence_numbers (sentence_id, number_no, quantity, value, low, high, qualifier, party, unit, text, part)
values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
