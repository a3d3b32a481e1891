/** Words the chapter generator builds chapters from. */

// Invented names, so that no real product and no word of the templates collides with them.
export const VENDORS = ['Orbix', 'Nubo', 'Cirrant', 'Velmar'];
export const ROOTS = [
  'Zentra',
  'Quillon',
  'Morvex',
  'Dalpha',
  'Kelvra',
  'Lumena',
  'Brisko',
  'Talvon',
  'Nerith',
  'Ostrav',
];
export const NAME_NOUNS = ['Stream', 'Vault', 'Relay', 'Ledger', 'Beacon', 'Harbor'];
export const PRODUCTS = ['Lumo', 'Kestrel', 'Corvane', 'Pellix', 'Sorrel', 'Tamsin', 'Wexford', 'Ambril'];
export const ADJECTIVES = [
  'Flexible',
  'Encrypted',
  'Regional',
  'Automatic',
  'Dedicated',
  'Managed',
  'Scheduled',
  'Isolated',
];
/** Feature nouns; some have a glossary alias that the texts use too. */
export const NOUNS = [
  'Backups',
  'Replication',
  'Endpoints',
  'Monitoring',
  'Scaling',
  'Caching',
  'Pricing',
  'Logging',
];
export const NOUN_ALIASES: Readonly<Record<string, string>> = {
  Monitoring: 'observability',
  Scaling: 'elasticity',
  Pricing: 'billing',
};
export const UNITS = ['Gbps', 'Mbps', 'GB', 'TB', 'ms'];
export const NUMBERS = [1, 2, 5, 10, 20, 40, 50, 100, 200, 500];
export const RARE = [
  'sharding',
  'checksums',
  'throttling',
  'tokenization',
  'deduplication',
  'compaction',
  'quorums',
  'tracing',
];
export const OBJECTS = [
  'archived records',
  'customer workloads',
  'partner traffic',
  'audit trails',
  'analytics jobs',
];
