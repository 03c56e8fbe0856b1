package fetch

import "net/netip"

// IsPublic reports whether ip is an address on the public internet. An
// IPv4 address is public unless it is in one of IANA's special-purpose
// blocks that are not globally reachable; an IPv6 address only inside the
// global unicast space 2000::/3 and outside those blocks. Both lists
// follow the IANA IPv4 and IPv6 Special-Purpose Address Registries, and
// treat as not public every block that can lead to a local address:
// NAT64, 6to4, Teredo and IPv4-compatible addresses embed an IPv4 address
// that may be private.
func IsPublic(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.Zone() != "" {
		return false
	}
	special := specialV4
	if ip.Is6() {
		if !globalUnicast.Contains(ip) {
			// ::/96 (IPv4-compatible), 64:ff9b::/96 and 64:ff9b:1::/48
			// (NAT64), 100::/64 (discard), fc00::/7 (unique local),
			// fe80::/10 (link-local), fec0::/10 (site-local), ff00::/8
			// (multicast), loopback and unspecified all lie outside it.
			return false
		}
		special = specialV6
	}
	for _, p := range special {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// globalUnicast is the IPv6 space IANA allocates for global unicast.
var globalUnicast = netip.MustParsePrefix("2000::/3")

// specialV4 holds the IPv4 blocks that are not globally reachable, with
// multicast and the limited broadcast address.
var specialV4 = prefixes(
	"0.0.0.0/8",          // this network
	"10.0.0.0/8",         // private use
	"100.64.0.0/10",      // shared address space (carrier NAT)
	"127.0.0.0/8",        // loopback
	"169.254.0.0/16",     // link local
	"172.16.0.0/12",      // private use
	"192.0.0.0/24",       // IETF protocol assignments
	"192.0.2.0/24",       // documentation (TEST-NET-1)
	"192.88.99.0/24",     // deprecated 6to4 relay anycast
	"192.168.0.0/16",     // private use
	"198.18.0.0/15",      // benchmarking
	"198.51.100.0/24",    // documentation (TEST-NET-2)
	"203.0.113.0/24",     // documentation (TEST-NET-3)
	"224.0.0.0/4",        // multicast
	"240.0.0.0/4",        // reserved
	"255.255.255.255/32", // limited broadcast
)

// specialV6 holds the blocks inside 2000::/3 that are not globally
// reachable or that embed an IPv4 address.
var specialV6 = prefixes(
	"2001::/23",     // IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID
	"2001:db8::/32", // documentation
	"2002::/16",     // 6to4
	"3fff::/20",     // documentation
)

func prefixes(list ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(list))
	for i, s := range list {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}
