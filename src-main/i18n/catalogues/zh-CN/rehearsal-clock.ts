/** 联网屏幕上演练用的模拟器时钟（ipc/handlers/rehearsal-clock.ts）。 */
import type { enRehearsalClock } from '../en/rehearsal-clock';

export const zhCNRehearsalClock: { readonly [K in keyof typeof enRehearsalClock]: string } = {
  'sim-clock.title': '演练：模拟器的时钟',
  'sim-clock.intro':
    '只让内置 KMS 模拟器的时间流逝，以演练一天或一年之后会发生什么：导入令牌在获取 24 小时后失效（KMS.2601：重新获取导入参数），导入的密钥材料在其到期时间失效。时钟只能前进；每次调整都记入日志，并作为演练中的越权操作打印在回执上。',
  'sim-clock.now':
    '模拟器时钟：当前 {now, date, utc}{ahead, plural, =0 {（与本机相同）} other {（比本机快 # 小时）}}。',
  'sim-clock.amount': '将时钟向前调整',
  'sim-clock.unit': '单位',
  'sim-clock.unit.hours': '小时',
  'sim-clock.unit.days': '天',
  'sim-clock.move': '调整模拟器时钟',
  'sim-clock.amount.hint': '例如 25 小时：超过导入令牌 24 小时的有效期。',
  'sim-clock.moved': '已将模拟器时钟向前调整 {hours, plural, other {# 小时}}，至 {now, date, utc}（已记入日志）。',
  'action.moving-simulator-clock': '调整模拟器的时钟',
  'problem.SIM_CLOCK_REHEARSAL_ONLY':
    '只有在演练中、针对内置模拟器才能调整模拟器的时钟；Keyferry 当前{mode, select, online {处于联网模式} airgapped {处于离线模式} other {尚未选择模式}}。',
  'problem.SIM_CLOCK_REHEARSAL_ONLY.next':
    '真实的 KMS 使用真实时间：请在开始屏幕上选择“演练”来演练过期情形（更改模式需重新启动 Keyferry）。',
  'problem.SIM_CLOCK_NOT_STARTED': '内置模拟器尚未启动，没有可调整的时钟。',
  'problem.SIM_CLOCK_NOT_STARTED.next': '请先在第 1 步中启动模拟器。',
};
