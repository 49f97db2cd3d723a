-- purpose: the party ids an event file lists: a labelled source outside them (witnesses, media reports) is one the
-- pipeline can only report as a source with no party.
select party_id from event_parties where event_id = $event_id
