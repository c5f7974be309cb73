/**
 * Test hosts on one machine: network namespaces (`ip netns`) joined by veth pairs to a bridge
 * that lives in a namespace of its own, so each Tessera node has its own network stack and
 * address, as on separate hosts, and the machine's own network is left untouched. This process
 * reaches them as one more host on the bridge. Needs root and iproute2.
 */
import { execFileSync } from 'node:child_process';

export interface TestNetwork {
  /** Address of host i (as given to `create`), and of this test process. */
  readonly addresses: readonly string[];
  readonly clientAddress: string;
  /** `ip netns exec <ns>` for host i: prefix a command with it to run it on that host. */
  wrapper(host: number): string[];
  /** Removes every namespace (their interfaces go with them) and this process's link. */
  remove(): void;
}

function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Fails with what is missing rather than skipping: a test that cannot run must say so. */
export function requireNetworkNamespaces(): void {
  if (process.getuid?.() !== 0) throw new Error('network namespace tests need root (ip netns add)');
  try {
    ip('-V');
  } catch {
    throw new Error('network namespace tests need the iproute2 package (the `ip` command)');
  }
}

/**
 * `hosts` namespaces on subnet 10.<octet>.0.0/24: host i is 10.<octet>.0.<i+1>, this process
 * 10.<octet>.0.254. Names carry `tag` so leftovers of an earlier run are found and removed.
 */
export function createTestNetwork(tag: string, hosts: number, octet = 213): TestNetwork {
  requireNetworkNamespaces();
  removeLeftovers(tag);
  const bridgeNs = `${tag}-br`;
  const hostNs = Array.from({ length: hosts }, (_, i) => `${tag}-h${i}`);
  const subnet = `10.${octet}.0`;
  const clientLink = `${tag}-c`;
  const created: string[] = [];
  try {
    ip('netns', 'add', bridgeNs);
    created.push(bridgeNs);
    ip('-n', bridgeNs, 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', bridgeNs, 'link', 'set', 'br0', 'up');
    const plug = (inner: string, outer: string) => {
      ip('link', 'add', inner, 'type', 'veth', 'peer', 'name', outer);
      ip('link', 'set', outer, 'netns', bridgeNs);
      ip('-n', bridgeNs, 'link', 'set', outer, 'master', 'br0');
      ip('-n', bridgeNs, 'link', 'set', outer, 'up');
    };
    hostNs.forEach((ns, i) => {
      ip('netns', 'add', ns);
      created.push(ns);
      plug(`${tag}-v${i}`, `${tag}-b${i}`);
      ip('link', 'set', `${tag}-v${i}`, 'netns', ns);
      ip('-n', ns, 'addr', 'add', `${subnet}.${i + 1}/24`, 'dev', `${tag}-v${i}`);
      ip('-n', ns, 'link', 'set', `${tag}-v${i}`, 'up');
      ip('-n', ns, 'link', 'set', 'lo', 'up');
    });
    plug(clientLink, `${tag}-bc`);
    ip('addr', 'add', `${subnet}.254/24`, 'dev', clientLink);
    ip('link', 'set', clientLink, 'up');
  } catch (e) {
    for (const ns of created) ip('netns', 'del', ns);
    throw e;
  }
  return {
    addresses: hostNs.map((_, i) => `${subnet}.${i + 1}`),
    clientAddress: `${subnet}.254`,
    wrapper: (host) => ['ip', 'netns', 'exec', hostNs[host]],
    remove: () => removeLeftovers(tag),
  };
}

function removeLeftovers(tag: string): void {
  for (const line of ip('netns', 'list').split('\n')) {
    const ns = line.split(' ')[0];
    if (ns.startsWith(`${tag}-`)) ip('netns', 'del', ns);
  }
  // the client end of a veth pair goes when its peer's namespace is deleted; this is for safety
  try {
    ip('link', 'del', `${tag}-c`);
  } catch {
    // already gone with its peer
  }
}
