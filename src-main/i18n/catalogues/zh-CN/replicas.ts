/** 副本组（问题 15）：多个区域/项目中的密钥持有同一份材料。（中文未经审校） */
import type { enReplicas } from '../en/replicas';

export const zhCNReplicas: { readonly [K in keyof typeof enReplicas]: string } = {
  'problem.REPLICA_REGION_NOT_SERVED':
    '副本区域 {region}（项目 {projectId}）在 {endpoint} 上无法访问：该终端节点在此区域不提供 KMS API（APIGW.0101），尽管本仪式自身的连接正常。',
  'problem.REPLICA_REGION_NOT_SERVED.next':
    '{surface, select, app {{simulator, select, yes {若 {region} 拼写有误，请更正（“密钥 … 的副本 … 的区域”，或在计划文件中）；若确为所需区域：演练的模拟器只服务其连接所显示的区域（“其他区域（用于副本）”），请从中选择。然后重新创建密钥。} other {请确认 KMS 在 {region} 中可用，且计划中的区域和项目正确（“密钥 … 的副本 … 的区域”、“密钥 … 的副本 … 的项目 ID”），然后重新创建密钥。}}} other {{simulator, select, yes {若 {region} 拼写有误，请在计划中更正；若确为所需区域，请让模拟器也服务该区域（keyferry kms-sim --regions {region}，并以逗号分隔列出其他所有副本区域）。然后重新运行该命令。} other {请确认 KMS 在 {region} 中可用，且计划中的区域和项目正确，然后重新运行该命令。}}}}',
  'problem.REPLICA_ACCESS_REFUSED':
    '副本区域 {region} 在 {endpoint} 上拒绝了这些凭证对项目 {projectId} 的访问（{code}），尽管本仪式自身使用同一凭证的连接正常。',
  'problem.REPLICA_ACCESS_REFUSED.next':
    '请检查计划中 {region} 的项目 ID：每个区域都有自己的项目 ID（见控制台“我的凭证 → API 凭证 → 项目列表”）。若项目 ID 无误，请向账号管理员申请该项目的 KMS 权限。然后重新运行该命令。',
  'problem.REPLICA_ENDPOINT_UNKNOWN':
    '计划要求在区域 {region} 中创建副本，但本仪式通过 {endpoint} 连接，该终端节点不含区域名称：Keyferry 无法判断哪个终端节点服务于 {region}。未创建任何内容。',
  'problem.REPLICA_ENDPOINT_UNKNOWN.next':
    '请通过区域的 KMS 终端节点（https://kms.REGION.myhuaweicloud.com）或本地模拟器连接，或在单独的仪式中规划该区域的密钥。',
  'problem.REPLICA_TOKEN_ONE_PROJECT':
    '所给凭证是 IAM 令牌，只能访问签发它的项目（{tokenProjectId}）；位于 {region} 的副本属于项目 {projectId}。未创建任何内容。',
  'problem.REPLICA_TOKEN_ONE_PROJECT.next':
    '请改用 AK/SK 凭证（KEYFERRY_AK 和 KEYFERRY_SK，临时凭证另加 KEYFERRY_SECURITY_TOKEN，或写入配置文件）：它们为每个请求按其自身的区域和项目签名。或者在单独的仪式中规划 {region} 的密钥，并使用为其项目签发的令牌。',
  'problem.REPLICA_CONNECTION_UNAVAILABLE':
    '区域 {region}（项目 {projectId}）中的密钥副本需要连接到该区域，而当前运行仪式的方式不会打开此连接。未在该区域创建任何内容。',
  'problem.REPLICA_CONNECTION_UNAVAILABLE.next':
    '请使用 Keyferry 应用或命令行运行仪式，它们会用同一凭证连接每个副本区域。',
  'problem.REPLICA_NOT_CONNECTED': '密钥 {keyId} 位于区域 {region}（项目 {projectId}），本次会话尚未连接该区域。',
  'problem.REPLICA_NOT_CONNECTED.next': '请重新连接：仪式的每个副本区域都会随之连接。',
  'problem.REPLICA_SAME_AS_PRIMARY':
    '计划在区域 {region}、项目 {projectId} 中创建副本：这正是本仪式自身的连接，密钥本身就在那里创建。未创建任何内容。',
  'problem.REPLICA_SAME_AS_PRIMARY.next': '请从计划中删除该副本，或将仪式连接到其他区域或项目。',
  'problem.WRAPPED_REPLICA_MISMATCH':
    '密钥 {keyId} 创建时是{created, select, none {独立密钥} other {{created} 的副本}}，但已包装密钥材料包中它是{held, select, none {独立密钥} other {{held} 的副本}}。未导入任何内容。',
  'problem.WRAPPED_REPLICA_MISMATCH.next':
    '请在离线工作站上，依据本工作站写出的导入参数包重新包装：必须接受此前导入过的材料的密钥（其自身的材料，或其副本组中另一个密钥持有的材料）将获得同一材料，从其保管副本恢复；其他密钥将在那里获得新的密钥材料。请保留此材料包中材料的保管副本：其中的某个密钥可能持有该材料，或必须接受该材料。',
  'problem.REPLICA_GROUP_NOT_PROVEN':
    '密钥 {primary} 的副本组并未持有同一份材料：{kind, select, kcv {{region} 中的 {keyId} 导入的材料的密钥校验值（KCV）为 {found}，而其主密钥的为 {expected}，KMS 将每个密钥永久绑定到其首次导入的密钥材料} other {{region} 中的 {keyId} 的 get-publickey 返回 SHA-256 {found}，而包装后的材料为 {expected}}}。该副本组未得到证明；此拒绝已记入日志。',
  'problem.REPLICA_GROUP_NOT_PROVEN.next':
    '请勿使用此组中的密钥。请在 {region} 的控制台中核实密钥 {keyId} 是哪个密钥、由谁导入了其材料，并报告安全负责人。',
  'problem.REPLICA_MATERIAL_FROM_PRIMARY':
    '密钥 {keyId} 是 {primary} 的副本：它使用 {primary} 的材料，没有自己的材料。',
  'problem.REPLICA_MATERIAL_FROM_PRIMARY.next': '请为 {primary} 加载或生成材料，其副本会随之获得。',
  'problem.CREDENTIALS_REPLICA_ENDPOINT_DIFFERS':
    '{field, select, endpoint {副本区域 {region} 的连接指向 {given}，但这些凭证绑定到 {bound}，在该区域只能用于 {expected}。} other {副本区域 {region} 的连接属于项目 {given}，但计划将副本放在项目 {expected} 中。}}未向该处发送任何内容；此次拒绝已记入日志。',
  'problem.CREDENTIALS_REPLICA_ENDPOINT_DIFFERS.next':
    '请通过该区域自己的 KMS 终端节点（或本地模拟器）连接，并检查计划中副本的区域和项目；不要将这些凭证用于其他终端节点。',
  'problem.REPLICA_GROUP_EXPIRY_DIFFERS':
    '副本组 {alias} 中的密钥 {keyId} 将获得密钥材料到期时间 {decided, select, never {永不过期} other {{decidedAt, date, moment}}}{source, select, override {（由本次导入指定：{surface, select, app {为它选择的到期时间} other {--expires，或在应用中选择的到期时间}}）} other {（其已包装密钥材料包所请求的，在离线工作站上选定）}}，但同组的密钥 {holderKeyId} 已持有该密钥材料，其到期时间为 {held, select, never {永不过期} other {{heldAt, date, moment}}}。同一密钥材料若有两个到期时间，将只从部分成员中删除。未向 KMS 发送任何内容。',
  'problem.REPLICA_GROUP_EXPIRY_DIFFERS.next':
    '{surface, select, app {{source, select, override {{requestedHeld, select, yes {请在“导入的 AES 密钥材料何时到期？”下选择“按各已包装密钥材料包的要求”重新导入：材料包请求的正是该组已持有的到期时间。} other {}}} other {}}{requestedHeld, select, yes {} other {{others, select, none {请使用该组已持有的到期时间重新导入：在“导入的 AES 密钥材料何时到期？”下选择“按输入：never、自现在起的时长，或带时区的日期时间”并输入 {heldIso}。它适用于本次导入的每个 AES 密钥；此处它们都属于该组。} other {请勿为本次导入指定到期时间 {heldIso}：它适用于本次导入的每个 AES 密钥，因此也会使该组以外的 {othersList} 偏离其材料包所请求的到期时间。请在离线工作站上重新制作已包装密钥材料包，使其请求该组的到期时间（在那里的“恢复”界面进行托管恢复，选择原到期时间或 {heldIso}），然后核对并导入该材料包。}}}}} other {{source, select, override {{requestedHeld, select, yes {请不带 --expires 重新运行导入（在应用中：按材料包的请求）：材料包请求的正是该组已持有的到期时间。} other {}}} other {}}{requestedHeld, select, yes {} other {{others, select, none {请使用该组已持有的到期时间重新运行导入：keyferry online import 加上 --expires {heldIso}（在应用中：输入该到期时间）。它适用于本次导入的每个 AES 密钥；此处它们都属于该组。} other {请勿为本次导入指定 --expires {heldIso}：它适用于本次导入的每个 AES 密钥，因此也会使该组以外的 {othersList} 偏离其材料包所请求的到期时间。请在离线工作站上重新制作已包装密钥材料包，使其请求该组的到期时间（托管恢复：custody restore 加上 --expires original 或 --expires {heldIso}），然后核对并导入该材料包。}}}}}}',
} as const;
