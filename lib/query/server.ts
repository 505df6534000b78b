// One QueryClient per server request: React's cache() is scoped to a single render.
import 'server-only';
import { cache } from 'react';
import { makeQueryClient } from './client';

export const getServerQueryClient = cache(makeQueryClient);
