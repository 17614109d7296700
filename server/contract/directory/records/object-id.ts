import { z } from 'zod';

export const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** An id in a request body that refers to another record (pure: the web app checks forms with it too). */
export const ObjectIdSchema = z.string().regex(OBJECT_ID, 'invalidId');
