import type { Messages } from './zh-CN';

export const en: Messages = {
  app: { name: 'Alliance Workspace', alliance: 'Northeast China National High-tech Zones Alliance', demo: 'Demo data', loading: 'Loading…' },
  nav: { zones: 'Member zones', settings: 'Settings' },
  role: { secretariat: 'Secretariat', member: 'Member' },
  level: { national: 'National', provincial: 'Provincial' },
  common: {
    save: 'Save', cancel: 'Cancel', edit: 'Edit', add: 'Add', search: 'Search', all: 'All', yes: 'Yes', no: 'No',
    actions: 'Actions', history: 'History', saved: 'Saved', language: 'Language', undo: 'Undo', close: 'Close', next: 'Next', back: 'Back',
  },
  setup: {
    title: 'Welcome to Alliance Workspace',
    intro: 'First, tell us which zone this installation belongs to and its role. You can change this later in Settings.',
    zone: 'Zone of this installation', zonePlaceholder: 'Type a name or pinyin, e.g. 哈尔滨 / heb',
    role: 'Role', roleHint: 'The secretariat reviews, publishes and reports; members register and maintain their zone’s data.',
    operator: 'Your name', operatorPlaceholder: 'Optional, recorded in the change log',
    demo: 'Load demo data', demoHint: 'Adds a few records labelled “Demo data” to explore the app; remove them any time in Settings.',
    finish: 'Start', stepIdentity: 'Identity', stepDemo: 'Demo data',
  },
  zones: {
    title: 'Member zones', add: 'Add zone', edit: 'Edit zone', searchPlaceholder: 'Search name, code, city, contact or pinyin (e.g. dl, haerbin)',
    level: 'Level', showInactive: 'Show inactive', count: '{{count}} zones', active: 'Active', inactive: 'Inactive',
    deactivate: 'Deactivate', activate: 'Reactivate', deactivateConfirm: 'Deactivate “{{name}}”? It leaves selection lists; its data is kept and it can be reactivated.',
    deactivated: '{{name}} deactivated', activated: '{{name}} reactivated', created: '{{name}} added', updated: '{{name}} saved',
    historyTitle: 'Change history of “{{name}}”', noHistory: 'No changes recorded', memberHint: 'Member installations may change only their own zone’s contact details and notes.',
    empty: 'No zones match',
    createdBy: 'Created', updatedBy: 'Last changed',
    field: {
      code: 'Code', name: 'Name', shortName: 'Short name', level: 'Level', province: 'Province', city: 'City', contactPerson: 'Contact',
      phone: 'Phone', email: 'Email', joinedOn: 'Joined', role: 'Role', notes: 'Notes', status: 'Status',
    },
    help: { code: '2–12 capital letters or digits, e.g. HRB', phone: 'Mobile or landline, e.g. 0451-86688888', role: 'Making a zone the secretariat turns the current one into a member' },
  },
  audit: { at: 'Time', actor: 'By', action: 'Action', changes: 'Changes', create: 'Created', update: 'Changed', activate: 'Reactivated', deactivate: 'Deactivated', delete: 'Deleted' },
  settings: {
    title: 'Settings', identity: 'This installation', save: 'Save settings', saved: 'Settings saved',
    demo: 'Demo data', demoLoaded: 'Demo data is loaded.', demoNone: 'No demo data.', demoLoad: 'Load demo data', demoRemove: 'Remove all demo data',
    demoRemoveConfirm: 'Remove every record labelled “Demo data”? Real data is not touched.', demoRemoved: 'Demo data removed ({{count}} records)', demoAdded: 'Demo data loaded ({{count}} records)',
    about: 'About', version: 'Version', schema: 'Schema version', dataDir: 'Data folder',
  },
  error: { title: 'Not completed', load: 'Could not load' },
};
