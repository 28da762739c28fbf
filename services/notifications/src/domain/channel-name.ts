import { z } from 'zod';

/** The ways a notification travels. */
export const ChannelName = z.enum(['email', 'sms', 'webhook']);
export type ChannelName = z.infer<typeof ChannelName>;

/** Channels a person can switch off (webhooks belong to integrations, not people). */
export const PersonalChannel = z.enum(['email', 'sms']);
export type PersonalChannel = z.infer<typeof PersonalChannel>;
