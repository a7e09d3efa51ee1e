/** `keyferry kms-sim` 与 `keyferry kms-sim advance`：模拟器的时钟。 */
import type { enKmsSim } from '../en/kms-sim';

export const zhCNKmsSim: { readonly [K in keyof typeof enKmsSim]: string } = {
  'kms-sim.clock.line':
    '{now, date, moment}（比本机{direction, select, behind {慢} other {快}} {offset}）；时钟控制{control, select, on {已开启：keyferry kms-sim advance --endpoint {endpoint} --by 25h} other {未开启}}',
  'kms-sim.clock.moved': '模拟器时间：{now, date, utc}（比本机{direction, select, behind {慢} other {快}} {offset}）。',
  'kms-sim.clock.expired':
    'KMS 按此时间判断：早于此时间 24 小时以上获取的导入令牌将被拒绝（KMS.2601），到期时间已过的导入密钥材料将被删除（密钥回到“等待导入”状态）。Keyferry 本身及其日志仍使用本机时间。',
  'problem.SIM_CLOCK_OPTION_INVALID':
    '{option} 的值“{text}”不是{accepts, select, duration {时长（如 25h、30d、1d12h）} date {带时区的日期时间（如 2027-03-01T09:00:00Z）} other {带时区的日期时间（如 2027-03-01T09:00:00Z），也不是时长（如 +25h、+30d）}}。',
  'problem.SIM_CLOCK_OPTION_INVALID.next':
    '请为 {option} 指定{accepts, select, duration {由整数加 d、h、m、s 组成的时长（最多十年）} date {以 Z 或时区偏移（如 +08:00）结尾的 ISO 8601 日期时间} other {以 Z 或时区偏移结尾的 ISO 8601 日期时间，或由整数加 d、h、m、s 组成的时长（最多十年）}}。',
  'problem.SIM_CLOCK_BACKWARDS':
    '模拟器状态文件 {file} 恢复时的时间为 {resumedAt, date, utc}；--start-at {startAt, date, utc} 会使其时钟倒退。',
  'problem.SIM_CLOCK_BACKWARDS.next':
    '请省略 --start-at（时钟从上次调到的时间继续），或给出更晚的时间：与真实 KMS 一样，模拟器的时间不会倒退。',
  'problem.SIM_ADVANCE_HOW': '请说明模拟器时钟要前进多少：--by 或 --to（二选一）。',
  'problem.SIM_ADVANCE_HOW.next':
    '例如：keyferry kms-sim advance --endpoint http://127.0.0.1:PORT --by 25h（一天零一小时：超过导入令牌的 24 小时）。',
  'problem.SIM_CLOCK_NOT_LOOPBACK':
    '模拟器的时钟只能通过本机回环地址（http://127.0.0.1、localhost 或 [::1]）调整；{endpoint} 不是。',
  'problem.SIM_CLOCK_NOT_LOOPBACK.next':
    '请在运行模拟器的计算机上执行 keyferry kms-sim advance，并使用模拟器打印的终端节点。',
  'problem.SIM_CLOCK_CONTROL_OFF': '位于 {endpoint} 的模拟器启动时未开启时钟控制。',
  'problem.SIM_CLOCK_CONTROL_OFF.next':
    '请停止它（Ctrl+C），再用原来的 --state 文件加 --clock-control 重新启动（密钥、凭证和时钟都保存在状态文件中），然后用它打印的终端节点重新执行本命令。',
  'problem.SIM_CLOCK_TO_PAST': '模拟器的时间已是 {now, date, utc}：与真实 KMS 的时间一样，它的时钟只会前进。',
  'problem.SIM_CLOCK_TO_PAST.next': '请为 --to 指定更晚的时间，或用 --by 指定时长。',
  'problem.SIM_CLOCK_FAILED':
    '位于 {endpoint} 的模拟器未能调整时钟：{why, select, badRequest {它认为请求格式错误而拒绝（KFSIM.BAD_REQUEST）} notJson {它要求 JSON 请求体（KFSIM.NOT_JSON）} method {它拒绝了该 HTTP 方法（KFSIM.METHOD）} stateWrite {它无法写入自己的 --state 文件（KFSIM.STATE_WRITE）} refused {它以 {code} 拒绝} notSimulator {它的应答为 HTTP {status}，不是模拟器的应答方式} noAnswer {{seconds} 秒内没有应答} other {无法连接（{code}）}}。',
  'problem.SIM_CLOCK_FAILED.next':
    '请确认模拟器正在运行，且 --endpoint 是它打印的终端节点（未指定 --port 时，重启后终端节点会变化）。',
  'problem.SIM_STATE_REGION_DIFFERS': '模拟器状态文件 {file} 记录的首个区域为 {recorded}，但请求的区域为 {region}。',
  'problem.SIM_STATE_REGION_DIFFERS.next':
    '请不要指定区域（状态文件会保留它）、改为请求 {recorded}，或为首先服务 {region} 的模拟器使用另一个状态文件。',
  'problem.SIM_REGION_PROJECT_DIFFERS':
    '模拟器状态文件 {file} 记录的区域 {region} 的项目为 {recorded}，但请求的项目为 {projectId}。',
  'problem.SIM_REGION_PROJECT_DIFFERS.next':
    '请不要指定 {region} 的项目（状态文件会保留它），或为新账号使用另一个状态文件。',
  'kms-sim.cli.non-loopback':
    '警告：KMS 模拟器将监听非环回地址，可从网络访问。\n警告：其 AK/SK 及其中的每个密钥仅用于演练。除非确有此意，请绑定到 127.0.0.1。',
  'kms-sim.cli.banner': 'Keyferry KMS 模拟器（仅用于演练：切勿导入真实的密钥材料）',
  'kms-sim.cli.label':
    '{field, select, endpoint {终端节点} region {区域} project {项目 ID} ak {AK} sk {SK} iamToken {IAM 令牌} state {状态} clock {时钟} other {流量}}',
  'kms-sim.cli.iam-token': '{token}（有效期至 {until, date, moment}；可用 KEYFERRY_IAM_TOKEN 代替 AK/SK，仅限本项目）',
  'kms-sim.cli.state': '{where, select, memory {保存在内存中（模拟器停止后丢失）} other {{file}}}',
  'kms-sim.cli.traffic':
    '每次应答延迟 {latency} 毫秒；{rate, plural, =0 {不限流} other {每秒 # 个请求，其余以 APIG.0308 应答}}',
  'kms-sim.cli.request': '{at, date, moment} {action} -> {status}',
  'kms-sim.cli.dropped': '已丢弃',
  'kms-sim.cli.stop-hint': '按 Ctrl+C 停止。',
  'kms-sim.cli.stopped': '已停止（{signal}）。',
  'cli.online.connected':
    '仪式 {id}：已连接到 {endpoint}（项目 {projectId}，可见 {keys} 个密钥；凭证来自{source, select, environment {环境变量} other {配置文件}}）。',
  'cli.online.replica-connected':
    '  以及副本所在区域 {region}：已连接到 {endpoint}（项目 {projectId}，可见 {keys} 个密钥；使用同一凭证）。',
  'kms-sim.region.line': '{region}  项目 {projectId}  终端节点 {endpoint}',
};
