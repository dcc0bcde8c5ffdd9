import { Initial1763800000000 } from './1763800000000-Initial.js';
import { TwoFactor1763900000000 } from './1763900000000-TwoFactor.js';
import { DossierWorkspace1764000000000 } from './1764000000000-DossierWorkspace.js';
import { ChangeFeed1764100000000 } from './1764100000000-ChangeFeed.js';
import { Questionnaires1764200000000 } from './1764200000000-Questionnaires.js';
import { SearchIndex1764300000000 } from './1764300000000-SearchIndex.js';
import { SearchCounts1764400000000 } from './1764400000000-SearchCounts.js';

/** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
export const migrations = [Initial1763800000000, TwoFactor1763900000000, DossierWorkspace1764000000000, ChangeFeed1764100000000, Questionnaires1764200000000, SearchIndex1764300000000, SearchCounts1764400000000];
