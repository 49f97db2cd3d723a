"""Scheduled runs: deployments carry the cron schedules and plain parameters (no server needed to build them)."""

from __future__ import annotations

from rashomon.serving import build_deployments
from rashomon.settings import load_settings


def test_one_deployment_per_event_plus_all_events(tmp_path, seed_event_dir):
    settings = load_settings(env={}, db=tmp_path / "s.duckdb", schedule_cron="15 */3 * * *", discovery_cron="0 * * * *")
    deps = build_deployments(settings, [seed_event_dir], seed_event_dir.parent)
    by_name = {d.name: d for d in deps}
    event = by_name["event-karabakh-2022-08-03"]
    assert event.schedules[0].schedule.cron == "15 */3 * * *"
    assert event.parameters["event_dir"].endswith("karabakh-2022-08-03")
    assert event.parameters["db"] == str((tmp_path / "s.duckdb").resolve())
    assert by_name["all-events"].schedules[0].schedule.cron == "0 * * * *"
