// The contract, the allow-list and the handler table name exactly the same channels.
import { describe, expect, it } from 'vitest';
import { handlers } from '../../electron/core/create-core';
import { channelNames, isChannelName } from '../../electron/shared/channels';
import { contract } from '../../electron/shared/contract';

describe('contract', () => {
  it('lists every channel once, in the allow-list and the contract alike', () => {
    expect(new Set(channelNames).size).toBe(channelNames.length);
    expect(Object.keys(contract).sort()).toEqual([...channelNames].sort());
  });

  it('has a handler for every channel and none for anything else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
    for (const c of channelNames) expect(typeof handlers[c]).toBe('function');
  });

  it('names channels area.verb', () => {
    for (const c of channelNames) expect(c).toMatch(/^[a-z]+\.[a-z-]+$/);
  });

  it('does not treat inherited object keys as channels', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expect(isChannelName(name)).toBe(false);
  });
});
