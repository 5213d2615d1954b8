/** The demo organisation's people (examples/org.yaml) and the role each plays. */
export const demoUsers = [
  {
    name: 'ada.analyst',
    displayName: 'Ada Analyst',
    role: 'Consumer · Team Analytics',
  },
  {
    name: 'olav.owner',
    displayName: 'Olav Owner',
    role: 'Data product owner · Team Benefits',
  },
  {
    name: 'emma.employment',
    displayName: 'Emma Employment',
    role: 'Data product owner · Team Employment',
  },
  {
    name: 'frida.followup',
    displayName: 'Frida Follow-up',
    role: 'Data product owner · Team Follow-up',
  },
  {
    name: 'pia.platform',
    displayName: 'Pia Platform',
    role: 'Platform engineer · Team Data Platform',
  },
  {
    name: 'leo.legal',
    displayName: 'Leo Legal',
    role: 'Legal adviser and privacy officer · Privacy and Legal',
  },
  {
    name: 'bo.business',
    displayName: 'Bo Business',
    role: 'Business owner · Analytics and Benefits',
  },
];

export const DEMO_USER_STORAGE_KEY = 'datamesh-demo-user';
