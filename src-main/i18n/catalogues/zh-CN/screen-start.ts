/** StartScreen：模式选择与版本行。 */
import type { enScreenStart } from '../en/screen-start';

export const zhCNScreenStart: { readonly [K in keyof typeof enScreenStart]: string } = {
  'start.heading': 'Keyferry 密钥仪式',
  'start.lead': 'Keyferry 跨越物理隔离将密钥材料导入云上 KMS，任何联网的计算机都不会接触到明文。',
  'start.network.offline': '本机没有处于活动状态的网络。',
  'start.network.online': '本机有处于活动状态的网络（{interfaces}）。',
  'start.mode.legend': '选择本次会话的模式',
  'start.mode.rehearsal': '演练',
  'start.mode.rehearsal.sentence': '在本机上针对内置的 KMS 模拟器运行完整仪式：无需云账号，不涉及真实密钥。',
  'start.mode.online': '联网工作站',
  'start.mode.online.sentence':
    '连接华为云 KMS，创建密钥，将导入参数写入移动存储介质，之后导入并校验已包装的密钥材料。',
  'start.mode.air-gapped': '离线工作站',
  'start.mode.air-gapped.sentence':
    '在离线计算机上：检查导入参数，由每位见证人输入从联网侧朗读的包摘要，生成或加载密钥材料，包装后打印回执。',
  'start.air-gapped-until-closed': '在关闭 Keyferry 之前，本次会话一直处于离线模式。',
  'start.version': 'Keyferry {version}（{build}）',
  'language.switch-hint': '界面、回执和凭条所用的语言。十六进制值、ID 和代码从不翻译。',
} as const;
