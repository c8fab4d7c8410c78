import { getJson } from './api.js';

/*
 * What the page's city offers, from its policy (GET /api/ui/config, asked once): the city and its policy, whether it
 * has subsidy rules, its siting kinds and goals (the first the default), its tiers and merged points, the base map.
 * Every tab builds its forms and defaults from this, never from another city's.
 */
let asked = null;

export function profile() {
  asked ??= getJson('/api/ui/config');
  return asked;
}
