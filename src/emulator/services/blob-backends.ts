// The Azurite behind each emulator instance (keyed by its live state: nothing is shared between
// runs): started in the background, seeded from the scenario, re-seeded by a dirty reset. Storage
// accounts created during the run take one of Azurite's spare accounts, so nothing written to the
// others is lost; containers the management plane creates are created in Azurite on first use.
import type { EmulatorState } from '../state.ts';
import { startAzurite, type AzuriteBackend, type SeedAccount } from '../azurite.ts';
import type { AzuriteProcess } from '../azurite-process.ts';

type Container = EmulatorState['data']['storageAccounts'][number]['containers'][number];

export function seedOf(state: EmulatorState): SeedAccount[] {
  return state.data.storageAccounts.map((a) => ({
    name: a.name,
    containers: a.containers.map((c) => ({
      name: c.name,
      ...(c.publicAccess !== undefined ? { publicAccess: c.publicAccess } : {}),
      blobs: c.blobs.map((b) => ({ name: b.name, content: b.content, contentType: b.contentType })),
    })),
  }));
}

export interface Backends {
  /** Starts the instance's Azurite unless it runs (the first blob request waits for it). */
  launch(state: EmulatorState, early?: AzuriteProcess): Promise<AzuriteBackend>;
  has(state: EmulatorState): boolean;
  /** The backend that holds `account`, with `container` (when the state has it) present; undefined when Azurite has no room for another account. */
  backendFor(state: EmulatorState, account: string, container?: Container): Promise<AzuriteBackend | undefined>;
  /** Remember a container the data plane created or deleted, so it is not created again. */
  noteContainer(backend: AzuriteBackend, account: string, container: string, exists: boolean): void;
  markDirty(state: EmulatorState): void;
  reset(state: EmulatorState): Promise<void>;
  stop(state?: EmulatorState): Promise<void>;
}

export function createBackends(): Backends {
  const backends = new Map<EmulatorState, Promise<AzuriteBackend>>();
  // The Azurite processes still starting, per state: a stop kills them instead of waiting for them
  // (starting takes seconds on a busy machine, and an emulator that stops should be gone at once).
  const starting = new Map<EmulatorState, Set<AzuriteProcess>>();
  // States whose Azurite data may differ from the scenario since the last seed. A reset of a clean
  // state has nothing to undo, so it neither waits for Azurite's start nor re-seeds: the runner
  // resets between every tutorial, and most tutorials never write a blob.
  const dirty = new WeakSet<EmulatorState>();
  // Containers each Azurite has, as "account/container".
  const present = new WeakMap<AzuriteBackend, Set<string>>();
  const key = (account: string, container: string): string => `${account}/${container}`;

  const seedOrClose = async (backend: AzuriteBackend, seed: SeedAccount[]): Promise<void> => {
    try {
      await backend.seed(seed);
      present.set(backend, new Set(seed.flatMap((a) => a.containers.map((c) => key(a.name, c.name)))));
    } catch (err) {
      await backend.close();
      throw err;
    }
  };
  /** A started Azurite holding `seed`; one whose seeding fails is closed (never handed out, nobody else would). */
  const startSeeded = async (state: EmulatorState, accounts: string[], seed: SeedAccount[], early?: AzuriteProcess): Promise<AzuriteBackend> => {
    let proc: AzuriteProcess | undefined;
    const set = starting.get(state) ?? new Set<AzuriteProcess>();
    starting.set(state, set);
    try {
      const backend = await startAzurite(accounts, early, (p) => {
        proc = p;
        set.add(p);
      });
      await seedOrClose(backend, seed);
      return backend;
    } finally {
      if (proc !== undefined) set.delete(proc);
    }
  };
  /** The backend every later request of this state waits for; forgotten if it fails, so the next request tries anew. */
  const install = (state: EmulatorState, next: Promise<AzuriteBackend>): Promise<AzuriteBackend> => {
    backends.set(state, next);
    next.catch(() => {
      if (backends.get(state) === next) backends.delete(state);
    });
    return next;
  };
  const launch = (state: EmulatorState, early?: AzuriteProcess): Promise<AzuriteBackend> =>
    install(state, startSeeded(state, state.data.storageAccounts.map((a) => a.name), seedOf(state), early));

  const alive = async (state: EmulatorState): Promise<AzuriteBackend> => {
    const current = backends.get(state);
    if (current === undefined) return launch(state);
    const backend = await current;
    if (backend.alive) return backend;
    // Another request got here first and is already replacing this backend.
    if (backends.get(state) !== current) return alive(state);
    // Azurite died: a new one, seeded from the live state's scenario blobs (what it held is lost with it).
    const next = launch(state);
    await backend.close();
    return next;
  };

  return {
    launch,
    has: (state) => backends.has(state),
    async backendFor(state, account, container) {
      const backend = await alive(state);
      if (!backend.place(account)) return undefined;
      const names = present.get(backend) ?? new Set<string>();
      present.set(backend, names);
      if (container !== undefined && !names.has(key(account, container.name))) {
        // Created through the management plane (or with a new account) after the seed.
        const access: Record<string, string> = container.publicAccess === undefined || container.publicAccess === 'None' ? {} : { 'x-ms-blob-public-access': container.publicAccess.toLowerCase() };
        const res = await backend.request({ method: 'PUT', account, rawPath: `/${encodeURIComponent(container.name)}`, rawQuery: 'restype=container', headers: { 'x-ms-version': '2021-12-02', ...access }, body: Buffer.alloc(0) });
        if (res.status !== 201 && res.status !== 409) throw new Error(`Azurite could not create container ${account}/${container.name}: ${res.status}`);
        names.add(key(account, container.name));
        dirty.add(state);
      }
      return backend;
    },
    noteContainer(backend, account, container, exists) {
      const names = present.get(backend);
      if (exists) names?.add(key(account, container));
      else names?.delete(key(account, container));
    },
    markDirty: (state) => dirty.add(state),

    // Re-seeding is ~4 sequential round trips to Azurite per dirty reset, time the emulator's
    // process would only wait: the reset returns at once and the re-seeded backend takes the place
    // of the current one, so every blob request after the reset waits for it, while the next
    // tutorial's other steps (tokens, ARM) go ahead. A failure to re-seed surfaces on the next blob
    // request, as a failure to start does.
    async reset(state) {
      const current = backends.get(state);
      if (current === undefined || !dirty.has(state)) return;
      dirty.delete(state);
      const seed = seedOf(state);
      const wanted = state.data.storageAccounts.map((a) => a.name);
      if (wanted.length === 0) {
        // No account any more: nothing to serve, only the old backend to stop.
        backends.delete(state);
        await current.then((b) => b.close()).catch(() => undefined);
        return;
      }
      install(
        state,
        (async () => {
          const backend = await current;
          if (backend.alive && wanted.every((a) => backend.place(a))) {
            await seedOrClose(backend, seed);
            return backend;
          }
          await backend.close();
          return startSeeded(state, wanted, seed);
        })(),
      );
    },

    async stop(state) {
      const states = state ? [state] : [...backends.keys()];
      await Promise.all(
        states.map(async (s) => {
          const b = backends.get(s);
          backends.delete(s);
          // Not ready yet: killed now (its start then fails and removes its folder).
          for (const p of starting.get(s) ?? []) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
          if (b) await (await b.catch(() => undefined))?.close();
        }),
      );
    },
  };
}
