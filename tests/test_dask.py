"""Scale-out: the pipeline's stages run in Dask worker processes and give the same database as the threads run."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon import store

pytestmark = pytest.mark.slow


def _snapshot(db: Path) -> dict[str, object]:
    with store.connect(db, read_only=True) as con:
        articles = set(con.execute("select article_id, outlet_id, revision, text_sha256 from articles").fetchall())
        sentences = set(con.execute("select sentence_id, sentence_sha256, position, part from sentences").fetchall())
        claims = {
            frozenset(members)
            for (members,) in con.execute("select list(sentence_id) from claim_sentences group by claim_id").fetchall()
        }
        embedded = con.execute("select count(*) from embeddings").fetchone()[0]
    return {"articles": articles, "sentences": sentences, "claims": claims, "embedded": embedded}


def test_make_task_runner_kinds():
    from prefect.task_runners import ThreadPoolTaskRunner
    from prefect_dask import DaskTaskRunner

    from rashomon.errors import ConfigError
    from rashomon.flows.runners import make_task_runner

    threads = make_task_runner(None, None)
    assert isinstance(threads, ThreadPoolTaskRunner) and threads._max_workers == 2
    assert isinstance(make_task_runner("threads", None), ThreadPoolTaskRunner)
    local = make_task_runner("dask", None)
    assert isinstance(local, DaskTaskRunner)
    kwargs = local.cluster_kwargs
    assert (kwargs["n_workers"], kwargs["threads_per_worker"], kwargs["processes"]) == (2, 1, True)
    remote = make_task_runner(None, "tcp://10.0.0.5:8786")
    assert isinstance(remote, DaskTaskRunner) and remote.address == "tcp://10.0.0.5:8786"
    with pytest.raises(ConfigError):
        make_task_runner("processes", None)
    with pytest.raises(ConfigError):
        make_task_runner("threads", "tcp://10.0.0.5:8786")


@pytest.mark.heavy
def test_pipeline_on_a_dask_cluster_matches_the_threads_run(demo_run, tmp_path, seed_event_dir, sources_dir):
    from distributed import LocalCluster
    from prefect_dask import DaskTaskRunner

    from rashomon.flows.pipeline import pipeline
    from rashomon.localsite import serve_folder
    from rashomon.settings import load_settings
    from rashomon.sources import load_event

    threads_result, threads_settings = demo_run
    settings = load_settings(env={}, db=tmp_path / "dask.duckdb", reports_dir=tmp_path / "reports", sources_dir=sources_dir)
    event = load_event(seed_event_dir)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        runner = DaskTaskRunner(address=cluster.scheduler_address)
        with serve_folder(event.offline.site) as base_url:
            result = pipeline.with_options(task_runner=runner)(str(seed_event_dir), settings, base_url=base_url)
        # the stages ran in the workers: they loaded the model, the flow's process did not need to
        assert len(cluster.scheduler_info["workers"]) == 2
    assert result.counts == threads_result.counts
    assert result.failures == threads_result.failures == []
    dask_db, threads_db = _snapshot(settings.db), _snapshot(threads_settings.db)
    assert dask_db["articles"] == threads_db["articles"]
    assert dask_db["sentences"] == threads_db["sentences"]
    assert dask_db["claims"] == threads_db["claims"]
    assert dask_db["embedded"] == threads_db["embedded"] > 0
    assert Path(result.report).is_file()
