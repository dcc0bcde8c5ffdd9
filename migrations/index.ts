import { Initial1763800000000 } from './1763800000000-Initial.js';

/** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
export const migrations = [Initial1763800000000];
