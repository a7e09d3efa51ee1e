/** The shape of a channel's handler, and of the full map of them (one per contract channel). */
import type { ChannelKey, Response, ValidRequest } from '../contract';

/** Takes a validated request; returns the plain value the router checks against the response schema. */
export type ChannelHandler<C extends ChannelKey> = (request: ValidRequest<C>) => Promise<Response<C>> | Response<C>;

/** One handler for each of the channels `C` (a handler file's share of the map). */
export type HandlersFor<C extends ChannelKey> = { readonly [K in C]: ChannelHandler<K> };

/** One handler per channel; the compiler reports a channel without a handler. */
export type Handlers = HandlersFor<ChannelKey>;
