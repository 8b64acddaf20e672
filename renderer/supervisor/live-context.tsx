import { createContext, useContext } from 'react';
import { EMPTY_FEED, type LiveFeed } from './useLiveFeed.js';

export const LiveContext = createContext<LiveFeed>(EMPTY_FEED);
export const useFeed = () => useContext(LiveContext);
