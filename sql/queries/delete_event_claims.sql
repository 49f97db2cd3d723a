-- purpose: drop an event's claims and their members before the alignment writes them anew.
delete from claim_sentences where claim_id in (select claim_id from claims where event_id = $event_id);
delete from claims where event_id = $event_id;
