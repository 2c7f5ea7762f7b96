/** Chinese is the first language: every key starts here; en.ts must have the same keys. */
export const zhCN = {
  app: { name: '联盟协同工作台', alliance: '东北地区国家高新区联盟', demo: '示例数据', loading: '正在加载…' },
  nav: { zones: '成员高新区', settings: '设置' },
  role: { secretariat: '秘书长单位', member: '成员单位' },
  level: { national: '国家级', provincial: '省级' },
  common: {
    save: '保存', cancel: '取消', edit: '编辑', add: '添加', search: '搜索', all: '全部', yes: '是', no: '否',
    actions: '操作', history: '历史', saved: '已保存', language: '语言', undo: '撤销', close: '关闭', next: '下一步', back: '上一步',
  },
  setup: {
    title: '欢迎使用联盟协同工作台',
    intro: '首次使用，请先说明本机属于哪个高新区、承担什么角色。以后可在「设置」中修改。',
    zone: '本机所属高新区', zonePlaceholder: '输入名称或拼音搜索，如 哈尔滨 / heb',
    role: '本机角色', roleHint: '秘书长单位负责审核、发布与统计；成员单位登记和维护本区的数据。',
    operator: '操作人姓名', operatorPlaceholder: '可选，记录在操作日志中',
    demo: '加载示例数据', demoHint: '添加几条标有「示例数据」的记录，便于熟悉功能；可随时在「设置」中一键移除。',
    finish: '开始使用', stepIdentity: '所属单位', stepDemo: '示例数据',
  },
  zones: {
    title: '成员高新区', add: '添加高新区', edit: '编辑高新区', searchPlaceholder: '搜索名称、代码、城市、联系人或拼音（如 dl、haerbin）',
    level: '级别', showInactive: '显示已停用', count: '共 {{count}} 个', active: '启用', inactive: '已停用',
    deactivate: '停用', activate: '恢复', deactivateConfirm: '停用「{{name}}」？停用后不再出现在选择列表中，数据保留，可随时恢复。',
    deactivated: '已停用 {{name}}', activated: '已恢复 {{name}}', created: '已添加 {{name}}', updated: '已保存 {{name}}',
    historyTitle: '「{{name}}」的修改记录', noHistory: '暂无修改记录', memberHint: '成员单位只能修改本高新区的联系信息和备注。',
    empty: '没有符合条件的高新区',
    createdBy: '创建', updatedBy: '最后修改',
    field: {
      code: '代码', name: '名称', shortName: '简称', level: '级别', province: '省份', city: '城市', contactPerson: '联系人',
      phone: '联系电话', email: '电子邮箱', joinedOn: '加入日期', role: '联盟角色', notes: '备注', status: '状态',
    },
    help: { code: '2–12 位大写字母或数字，如 HRB', phone: '手机号或座机，如 0451-86688888', role: '设为秘书长单位会把原秘书长单位改为成员单位' },
  },
  audit: { at: '时间', actor: '操作人', action: '操作', changes: '变更', create: '创建', update: '修改', activate: '恢复', deactivate: '停用', delete: '删除' },
  settings: {
    title: '设置', identity: '本机身份', save: '保存设置', saved: '设置已保存',
    demo: '示例数据', demoLoaded: '当前已加载示例数据。', demoNone: '当前没有示例数据。', demoLoad: '加载示例数据', demoRemove: '移除全部示例数据',
    demoRemoveConfirm: '移除所有标有「示例数据」的记录？真实数据不受影响。', demoRemoved: '已移除示例数据（{{count}} 条）', demoAdded: '已加载示例数据（{{count}} 条）',
    about: '关于', version: '版本', schema: '数据结构版本', dataDir: '数据目录',
  },
  error: { title: '操作未完成', load: '加载失败' },
};

export type Messages = typeof zhCN;
