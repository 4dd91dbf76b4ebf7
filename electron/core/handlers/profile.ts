// The district profile channels.
import { getProfile, saveProfile } from '../db/repos/profile-repo';
import type { Handlers } from './types';

export const profileHandlers: Handlers<'profile.get' | 'profile.save'> = {
  'profile.get': (_input, ctx) => getProfile(ctx.store.get()),
  'profile.save': (input, ctx) => {
    const saved = saveProfile(ctx.store.get(), input, ctx.clock.now());
    ctx.events.emit('data.changed', { area: 'profile' });
    return saved;
  },
};
