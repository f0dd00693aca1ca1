// `az group delete -n NAME [--yes] [--no-wait]`: DELETE the group (202 + Location), then poll the
// Location as az's LRO poller does until the operation ends. Without --yes az asks "Are you sure…
// (y/n)"; the reader following the page answers y, and the step says so.
import { ArmSession, callFailed, callPrinted, pollLro } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { RESOURCE_GROUP_API_VERSION } from './group-create.ts';

export const groupDelete: AzCommandModule = {
  path: ['group', 'delete'],
  options: [
    { dest: 'name', names: ['--name', '--resource-group', '-n', '-g'], required: true },
    { dest: 'yes', names: ['--yes', '-y'], flag: true },
    { dest: 'no-wait', names: ['--no-wait'], flag: true },
    { dest: 'force-deletion-types', names: ['--force-deletion-types', '-f'] },
  ],
  async run({ args, flags, ctx }) {
    const session = new ArmSession(ctx);
    const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
    const del = await session.call('DELETE', `/subscriptions/${sub}/resourcegroups/${args.name ?? ''}?api-version=${RESOURCE_GROUP_API_VERSION}`);
    if (!del.ok) return callFailed(session, del);
    if (!flags.has('no-wait')) {
      const done = await pollLro(session, del);
      if (!done.ok) return callFailed(session, done);
    }
    const note = flags.has('yes') ? undefined : 'az asks "Are you sure you want to perform this operation? (y/n)"; the reader answers y';
    return callPrinted(session, '', note);
  },
};
