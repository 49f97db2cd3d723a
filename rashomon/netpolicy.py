"""Address policy: which URLs Rashomon may connect to (the SSRF guard).

Two layers use it:

* :func:`check_url` is the pre-flight check the fetcher runs on every URL and every redirect hop: scheme must be
  http/https, and every address the host resolves to must be public or allowed by the :class:`AddressPolicy`.
* :class:`GuardedBackend` is an httpcore network backend that resolves the host again *at connect time*, refuses
  the connection if any address is not public, and connects to the address it checked. That closes the DNS
  rebinding gap between the pre-flight check and the connection (the name cannot resolve to a public address for
  the check and to 127.0.0.1 for the connection).

Odd IPv4 spellings (``0x7f000001``, ``2130706433``, ``127.1``, ``0177.0.0.1``) are normalised the way the C library
would (``inet_aton``) before the check, so they cannot sneak past it; IPv4-mapped, NAT64, 6to4 and Teredo IPv6
addresses are checked by the IPv4 address they embed.

One policy in every mode: the default refuses every non-public address. The relaxed policies the demo and the tests
need allow loopback only, either for named hosts (the offline mirror's ``host:port``) or for any host
(``allow_private``, ``RASHOMON_ALLOW_PRIVATE``), plus ranges configured explicitly (``allow_networks``). Link-local
addresses (169.254.0.0/16 with the cloud metadata service, fe80::/10, also inside ``::ffff:169.254.169.254``),
multicast and the unspecified address are refused whatever the policy says. Both layers run in every mode.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore

from rashomon.errors import FetchError

logger = logging.getLogger(__name__)

ALLOWED_SCHEMES = frozenset({"http", "https"})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], Sequence[str]]
"""``resolver(host, port) -> [address, ...]``: the addresses a host name resolves to (strings, e.g. "93.184.216.34")."""

# Ranges refused on top of what the ipaddress flags already say (some flags are wrong or missing in 3.11:
# 239.0.0.0/8 and fec0::/10 report is_global=True, 100.64.0.0/10 is neither private nor global).
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64_WELL_KNOWN = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_SITE_LOCAL_V6 = ipaddress.ip_network("fec0::/10")


class BadURLError(FetchError):
    """The URL is malformed, has no host, or its scheme is not http/https."""


class RefusedAddressError(FetchError):
    """The URL's host resolves to an address the policy refuses (loopback, private, link-local, ...)."""


class ResolutionError(FetchError):
    """The URL's host name could not be resolved."""

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


def system_resolver(host: str, port: int) -> list[str]:
    """Resolve *host* with the system resolver (``socket.getaddrinfo``); addresses in the order it returns them."""
    infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    seen: dict[str, None] = {}
    for _family, _type, _proto, _canon, sockaddr in infos:
        seen.setdefault(str(sockaddr[0]), None)
    return list(seen)


def parse_address(text: str) -> IPAddress:
    """Parse an address string as returned by getaddrinfo (an IPv6 zone like ``fe80::1%eth0`` is dropped)."""
    return ipaddress.ip_address(text.split("%", 1)[0])


def literal_address(host: str) -> IPAddress | None:
    """The address a host *literal* denotes, including the odd IPv4 spellings inet_aton accepts; else None."""
    host = host.strip("[]")
    try:
        return parse_address(host)
    except ValueError:
        pass
    if host and all(c in "0123456789abcdefABCDEFxX." for c in host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> Iterable[ipaddress.IPv4Address]:
    if ip.ipv4_mapped is not None:
        yield ip.ipv4_mapped
    if ip in _NAT64_WELL_KNOWN:
        yield ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        yield ip.sixtofour
    if ip.teredo is not None:
        yield from ip.teredo


def address_problem(ip: IPAddress) -> str | None:
    """Why *ip* must not be contacted ("loopback", "private", ...), or None when it is a public unicast address."""
    if isinstance(ip, ipaddress.IPv6Address):
        for v4 in _embedded_ipv4(ip):
            problem = address_problem(v4)
            if problem is not None:
                return f"{problem} ({v4} embedded in {ip})"
        if ip.ipv4_mapped is not None or ip in _NAT64_WELL_KNOWN:
            return None  # these reach exactly the (public) IPv4 address they embed
        if ip in _NAT64_LOCAL:
            return "NAT64 local-use"
        if ip in _SITE_LOCAL_V6:
            return "site-local"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if isinstance(ip, ipaddress.IPv4Address) and ip in _CGNAT:
        return "carrier-grade NAT (100.64.0.0/10)"
    if ip.is_private:
        return "private"
    if ip.is_reserved:
        return "reserved"
    if not ip.is_global:
        return "not globally routable"
    return None


def _with_embedded(ip: IPAddress) -> list[IPAddress]:
    return [ip, *_embedded_ipv4(ip)] if isinstance(ip, ipaddress.IPv6Address) else [ip]


def never_allowed(ip: IPAddress) -> str | None:
    """Why *ip* is refused under every policy (link-local, multicast, unspecified; also embedded in IPv6)."""
    for a in _with_embedded(ip):
        if a.is_link_local:
            return "link-local" + ("" if a == ip else f" ({a} embedded in {ip})")
        if a.is_multicast:
            return "multicast"
        if a.is_unspecified:
            return "unspecified"
    return None


def _host_key(host: str, port: int | None) -> str:
    host = host.strip("[]").lower().rstrip(".")
    return host if port is None else f"{host}:{port}"


@dataclass(frozen=True)
class AddressPolicy:
    """Which non-public addresses may be contacted; the default (``AddressPolicy()``) allows none.

    loopback_anywhere: any host may resolve to a loopback address (``allow_private``: tests, a local server).
    loopback_hosts: hosts (``"127.0.0.1:8765"`` or a bare ``"localhost"``) that may resolve to loopback: the offline
        mirror, and nothing else (a page on the real web redirecting to 127.0.0.1 is still refused).
    networks: ranges allowed explicitly (an intranet: ``allow_networks = "10.1.0.0/16"``).
    Link-local, multicast and unspecified addresses are refused whatever these say."""

    loopback_anywhere: bool = False
    loopback_hosts: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def build(cls, *, loopback_anywhere: bool = False, loopback_hosts: Iterable[str] = (),
              networks: Iterable[str] = ()) -> AddressPolicy:
        parsed = []
        for text in networks:
            try:
                parsed.append(ipaddress.ip_network(text.strip(), strict=False))
            except ValueError as exc:
                raise BadURLError(f"allow_networks: {text!r} is not an address range (e.g. 10.1.0.0/16): {exc}") from exc
        return cls(loopback_anywhere, frozenset(h.strip().lower() for h in loopback_hosts), tuple(parsed))

    def _loopback_allowed(self, host: str, port: int | None) -> bool:
        return (self.loopback_anywhere or _host_key(host, None) in self.loopback_hosts
                or _host_key(host, port) in self.loopback_hosts)

    def problem(self, ip: IPAddress, host: str, port: int | None) -> str | None:
        """Why *ip* (an address of *host*) must not be contacted under this policy, or None."""
        always = never_allowed(ip)
        if always is not None:
            return always
        problem = address_problem(ip)
        if problem is None:
            return None
        mapped = getattr(ip, "ipv4_mapped", None)
        if (ip.is_loopback or (mapped is not None and mapped.is_loopback)) and self._loopback_allowed(host, port):
            return None
        if any(a in net for a in _with_embedded(ip) for net in self.networks if a.version == net.version):
            return None
        return problem

    @property
    def relaxed(self) -> str:
        """How this policy differs from the default, for error messages."""
        parts = (["loopback allowed for any host"] if self.loopback_anywhere else
                 [f"loopback allowed for {', '.join(sorted(self.loopback_hosts))} only"] if self.loopback_hosts else [])
        parts += [f"{net} allowed" for net in self.networks]
        return "; ".join(parts) or "no private address allowed"


DEFAULT_POLICY = AddressPolicy()
ALLOW_LOOPBACK = AddressPolicy(loopback_anywhere=True)


def _policy(policy: AddressPolicy | bool | None) -> AddressPolicy:
    """An AddressPolicy; True (the old allow_private flag) means loopback for any host, False/None the default."""
    if isinstance(policy, AddressPolicy):
        return policy
    return ALLOW_LOOPBACK if policy else DEFAULT_POLICY


def resolve_checked(host: str, port: int, *, resolver: Resolver | None = None,
                    policy: AddressPolicy | bool | None = None) -> list[str]:
    """Resolve *host* and return its addresses, each public or allowed by *policy*; raise if any is refused.

    A host that resolves to a mix of public and private addresses is refused as a whole: that is what a rebinding or
    split-horizon attack looks like, and a real news site never needs it.
    """
    if not host:
        raise BadURLError("URL has no host")
    literal = literal_address(host)
    if literal is not None:
        addresses = [str(literal)]
    else:
        try:
            addresses = list((resolver or system_resolver)(host, port))
        except UnicodeError as exc:
            raise BadURLError(f"host {host!r} is not a valid name: {exc}") from exc
        except socket.gaierror as exc:
            transient = exc.errno in (socket.EAI_AGAIN, getattr(socket, "EAI_SYSTEM", None))
            raise ResolutionError(f"cannot resolve {host}: {exc.strerror or exc}", transient=transient) from exc
        except OSError as exc:
            raise ResolutionError(f"cannot resolve {host}: {exc}", transient=True) from exc
        if not addresses:
            raise ResolutionError(f"cannot resolve {host}: no addresses")
    policy = _policy(policy)
    for text in addresses:
        try:
            ip = parse_address(text)
        except ValueError as exc:
            raise RefusedAddressError(f"{host} resolves to an unparseable address {text!r}") from exc
        problem = policy.problem(ip, host, port)
        if problem is not None:
            raise RefusedAddressError(f"address {ip} of {host} is {problem}; refused ({policy.relaxed})")
    return [str(parse_address(a)) for a in addresses]


def check_url(url: str, policy: AddressPolicy | bool | None = None, *, resolver: Resolver | None = None) -> None:
    """Raise a FetchError subclass unless *url* may be fetched under the address policy.

    BadURLError: not http/https, no host, bad port. RefusedAddressError: the host is (or resolves to) an address
    that is not public and that *policy* does not allow (True: loopback for any host). ResolutionError: the host
    name does not resolve. Host names are resolved in every mode (a name may point at 169.254.169.254).
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise BadURLError(f"malformed URL {url!r}: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise BadURLError(f"scheme {scheme or '(none)'!r} not allowed, only http and https: {url!r}")
    host = parts.hostname
    if not host:
        raise BadURLError(f"URL has no host: {url!r}")
    resolve_checked(host, port or (443 if scheme == "https" else 80), resolver=resolver, policy=policy)


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore network backend that checks the address policy at connect time and connects to the checked address.

    TLS is unaffected: httpcore still passes the URL's host name as SNI and for certificate verification.
    """

    def __init__(self, inner: httpcore.NetworkBackend | None = None, *, resolver: Resolver | None = None,
                 policy: AddressPolicy | bool | None = None) -> None:
        self._inner = inner or httpcore.SyncBackend()
        self._resolver = resolver
        self._policy = _policy(policy)

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = resolve_checked(host, port, resolver=self._resolver, policy=self._policy)
        except ResolutionError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        # RefusedAddressError / BadURLError propagate untouched through httpcore and httpx.
        give_up_at = None if timeout is None else time.monotonic() + timeout
        last_error: Exception | None = None
        for address in addresses:
            remaining = None if give_up_at is None else give_up_at - time.monotonic()
            if remaining is not None and remaining <= 0:
                break
            try:
                return self._inner.connect_tcp(address, port, remaining, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                logger.debug("connect to %s (%s) port %s failed: %s", host, address, port, exc)
                last_error = exc
        if last_error is not None:
            raise last_error
        raise httpcore.ConnectTimeout(f"connect to {host}:{port} timed out")

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise RefusedAddressError("unix sockets are refused by the address policy")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)
