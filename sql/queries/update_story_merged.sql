-- purpose: record that story $gone merged into story $into (an article linked them): its articles move there, and
-- stories merged into it earlier now point at $into too (a merged id always leads to a live story in one step).
update story_articles set story_id = $into where story_id = $gone;
update stories set merged_into = $into, updated_at = now() where merged_into = $gone;
update stories set merged_into = $into, n_articles = 0, n_outlets = 0, updated_at = now() where story_id = $gone
