-- purpose: the ids of the event's claims (export keeps the rows of tables keyed by claim_id to these).
select claim_id from claims where event_id = $event_id
