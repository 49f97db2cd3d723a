"""Issue 15 item 4: one address policy. The relaxed modes (the demo's mirror, tests, RASHOMON_ALLOW_PRIVATE) allow
loopback only; link-local (cloud metadata) is refused after DNS in every mode, also inside IPv4-mapped IPv6; the
connect-time guard runs in every mode; the relaxation covers the mirror's host only."""

from __future__ import annotations

import pytest
from rashomon.flows.tasks import fetch_policy

from rashomon.errors import ConfigError
from rashomon.fetch import Fetcher, FetchPolicy
from rashomon.netpolicy import AddressPolicy, RefusedAddressError, check_url
from rashomon.settings import load_settings

try:
    from tests.hostile_site import HostileSite
except ImportError:
    from hostile_site import HostileSite


def resolves_to(*addresses: str):
    return lambda host, port: list(addresses)


RELAXED = AddressPolicy(loopback_anywhere=True)  # what allow_private / RASHOMON_ALLOW_PRIVATE means


@pytest.mark.parametrize("address", ["10.0.0.7", "192.168.1.1", "172.16.0.1", "100.64.0.1", "fd00::1"])
def test_relaxed_mode_allows_loopback_but_no_other_private_range(address: str) -> None:
    check_url("http://news.test/a", RELAXED, resolver=resolves_to("127.0.0.1"))
    check_url("http://news.test/a", RELAXED, resolver=resolves_to("::1"))
    with pytest.raises(RefusedAddressError, match="refused"):
        check_url("http://news.test/a", RELAXED, resolver=resolves_to(address))


@pytest.mark.parametrize("policy", [AddressPolicy(), RELAXED, AddressPolicy.build(networks=["169.254.0.0/16"])],
                         ids=["default", "relaxed", "range-configured"])
@pytest.mark.parametrize("answer", ["169.254.169.254", "::ffff:169.254.169.254", "fe80::1"])
def test_a_name_resolving_to_link_local_is_refused_in_every_mode(policy: AddressPolicy, answer: str) -> None:
    with pytest.raises(RefusedAddressError, match="link-local"):
        check_url("http://metadata.test/latest/meta-data/", policy, resolver=resolves_to(answer))


@pytest.mark.parametrize("url", ["http://[::ffff:169.254.169.254]/", "http://[::ffff:a9fe:a9fe]/",
                                 "http://169.254.169.254/", "http://0xa9fea9fe/"])
def test_link_local_literals_are_refused_in_relaxed_mode(url: str) -> None:
    with pytest.raises(RefusedAddressError, match="link-local"):
        check_url(url, RELAXED)


def test_an_explicitly_configured_range_is_allowed_and_nothing_next_to_it() -> None:
    policy = FetchPolicy(allow_networks=("10.1.0.0/16",)).address_policy()
    check_url("http://intranet.test/", policy, resolver=resolves_to("10.1.2.3"))
    with pytest.raises(RefusedAddressError, match="private"):
        check_url("http://intranet.test/", policy, resolver=resolves_to("10.2.0.1"))
    with pytest.raises(RefusedAddressError, match="loopback"):
        check_url("http://intranet.test/", policy, resolver=resolves_to("127.0.0.1"))


def test_a_bad_range_in_the_settings_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="RASHOMON_ALLOW_NETWORKS: setting 'allow_networks' must list address ranges"):
        fetch_policy(load_settings(env={"RASHOMON_ALLOW_NETWORKS": "ten-net"}))


def test_the_connect_time_guard_runs_in_relaxed_mode(site: HostileSite) -> None:
    """DNS rebinding under the relaxed policy: loopback at the pre-flight check, metadata at connect time."""
    answers = iter([["127.0.0.1"], ["169.254.169.254"]])
    port = site.base_url.rsplit(":", 1)[1]
    policy = FetchPolicy(allow_private=True, min_interval=0, obey_robots=False, max_attempts=1)
    with Fetcher(policy, resolver=lambda host, port: next(answers)) as fetcher:
        result = fetcher.fetch(f"http://rebind.test:{port}/ok.html")
    assert result.outcome == "refused_address", result
    assert "169.254.169.254" in (result.error or "") and "link-local" in (result.error or "")
    assert site.requests() == []


def test_the_demo_policy_allows_loopback_for_the_mirror_only(site: HostileSite) -> None:
    """An event's [[urls]] on the real web, or a page redirecting to another local port, get the normal policy."""
    mirror = site.base_url + "/"
    policy = fetch_policy(load_settings(env={}, min_interval=0.0, max_attempts=1), mirror=mirror)
    port = site.base_url.rsplit(":", 1)[1]
    with Fetcher(policy, resolver=resolves_to("127.0.0.1")) as fetcher:
        from_mirror = fetcher.fetch(site.url("/ok.html"))
        real_web_name = fetcher.fetch(f"http://news.example:{port}/ok.html")  # a real-web name that says 127.0.0.1
        other_port = fetcher.fetch(f"http://127.0.0.1:{int(port) + 1 if int(port) < 65535 else 1024}/")
    assert from_mirror.outcome == "ok"
    assert real_web_name.outcome == "refused_address" and "loopback" in (real_web_name.error or "")
    assert other_port.outcome == "refused_address" and "loopback" in (other_port.error or "")
    assert f"loopback allowed for {site.base_url.split('//')[1]} only" in (other_port.error or "")


def test_the_real_web_run_allows_no_loopback() -> None:
    policy = fetch_policy(load_settings(env={}), mirror=None)
    with pytest.raises(RefusedAddressError, match="no private address allowed"):
        check_url("http://127.0.0.1:8765/", policy.address_policy())
