/**
 * 密钥管理服务（KMS）客户端与模拟器：KMS / API 网关错误码，以及客户端自身的故障。英文原文见 ../en/kms.ts。
 * Chinese wording by the i18n engineer, not yet reviewed by a native-speaking security officer.
 */
import type { enKms } from '../en/kms';

const REPORT = '这表明 Keyferry 存在缺陷或包中的某个字段已损坏；请保留日志并报告。';
const NEW_PARAMETERS =
  '{surface, select, app {为相关密钥重新获取导入参数（“获取导入参数”步骤）并写出参数包，然后按参数包写出后该步骤的说明在离线工作站上操作：必须接受此前导入过的材料的密钥（其自身已过期或已删除的材料，或其副本组中另一个密钥持有的材料）将获得同一材料，从其保管副本恢复并用新的包装密钥包装；其他密钥将获得新的密钥材料，在离线工作站上生成并用新的包装密钥包装。请保留此处被拒绝的材料包中材料的保管副本：其中的某个密钥可能持有该材料，或必须接受该材料。} other {为相关密钥重新获取导入参数（keyferry online params），然后在离线工作站上运行它打印的命令：必须接受此前导入过的材料的密钥（其自身已过期或已删除的材料，或其副本组中另一个密钥持有的材料）将获得同一材料，从其保管副本恢复并用新的包装密钥包装；其他密钥将获得新的密钥材料，在离线工作站上生成并用新的包装密钥包装。请保留此处被拒绝的材料包中材料的保管副本：其中的某个密钥可能持有该材料，或必须接受该材料；新的材料包导入后，online import 会列出不再支撑任何已导入材料的每个托管集，届时再予销毁。}}';
/** A KMS key state number as words: the one copy (other catalogue files and `kms.state` import it). */
export const KEY_STATE =
  '{state, select, 1 {待激活} 2 {启用} 3 {禁用} 4 {计划删除} 5 {等待导入} 7 {冻结} other {状态 {state}}}';

export const zhCNKms: { readonly [K in keyof typeof enKms]: string } = {
  'problem.KMS.0101': 'KMS 报告了内部错误。',
  'problem.KMS.0101.next': '请稍等一分钟后重试。',
  'problem.KMS.0102': 'KMS 报告了内部输入/输出错误。',
  'problem.KMS.0102.next': '请稍等一分钟后重试。',
  'problem.KMS.0201': 'KMS 无法识别请求 URL。',
  'problem.KMS.0201.next': '请检查终端节点、区域和项目 ID。',
  'problem.KMS.0202': 'KMS 拒绝了格式错误的请求消息体。',
  'problem.KMS.0202.next': REPORT,
  'problem.KMS.0203': '请求超过了 KMS 接受的大小。',
  'problem.KMS.0203.next': REPORT,
  'problem.KMS.0204': '请求缺少必填字段。',
  'problem.KMS.0204.next': REPORT,
  'problem.KMS.0205': '密钥 ID 不符合 KMS 密钥 ID 的格式。',
  'problem.KMS.0205.next': '请从控制台或包中重新复制密钥 ID（36 个字符，形如 0d0466b0-e727-4d9c-b35d-f84bb474a37f）。',
  'problem.KMS.0206': '请求序列号被拒绝。',
  'problem.KMS.0206.next': REPORT,
  'problem.KMS.0207': '此项目和区域中不存在该密钥。',
  'problem.KMS.0207.next': '请检查密钥 ID、区域和项目 ID。',
  'problem.KMS.0209': '该密钥已禁用。',
  'problem.KMS.0209.next': '请启用该密钥（在控制台或通过 enable-key），然后重试。',
  'problem.KMS.0210': '该密钥处于计划删除状态，无法使用。',
  'problem.KMS.0210.next': '请取消计划删除并启用该密钥，然后重试。',
  'problem.KMS.0301': 'KMS 拒绝了 IAM 令牌：令牌缺失或无效。',
  'problem.KMS.0301.next': '请获取新的 IAM 令牌后重试。',
  'problem.KMS.0302': 'KMS 拒绝了 IAM 令牌。',
  'problem.KMS.0302.next': '请获取新的 IAM 令牌后重试。',
  'problem.KMS.0303': 'IAM 令牌已过期（令牌有效期为 24 小时）。',
  'problem.KMS.0303.next': '请获取新的 IAM 令牌后重试。',
  'problem.KMS.0305': '该 IAM 令牌是为其他项目签发的。',
  'problem.KMS.0305.next': '请获取作用于此项目的令牌，或使用该令牌所属的项目 ID。',
  'problem.KMS.0306': '这些凭证无权使用此密钥或项目。',
  'problem.KMS.0306.next': '请检查项目 ID，或请账号管理员授予此项目的 KMS 权限。',
  'problem.KMS.0307': '这些凭证无权调用此 KMS 操作。',
  'problem.KMS.0307.next': '请账号管理员授予 KMS Administrator 或 KMS CMKFullAccess 角色。',
  'problem.KMS.0308': 'KMS 拒绝了某个参数值。',
  'problem.KMS.0308.next': '请检查 KMS 消息中指出的值；如果该值由 Keyferry 选定，请报告。',
  'problem.KMS.0309': '该密钥的密钥材料由 KMS 生成；只有密钥材料来源为外部的密钥才能导入密钥材料。',
  'problem.KMS.0309.next': '请新建一个密钥材料来源为外部的密钥用于导入。',
  'problem.KMS.0310': '该密钥不在等待密钥材料（其状态不是“等待导入”）。',
  'problem.KMS.0310.next': '请检查密钥状态：它可能已有密钥材料。再次导入之前先查询密钥详情。',
  'problem.KMS.0311': 'KMS 无法用此导入令牌对应的包装密钥解密已包装的密钥材料。',
  'problem.KMS.0311.next': '请用与该令牌同一导入参数包中的公钥（RSAES_OAEP_SHA_256）重新包装密钥材料。',
  'problem.KMS.1101': '该密钥别名不合法（1 到 255 个 a-z A-Z 0-9 : / _ - 字符）。',
  'problem.KMS.1101.next': '请选择其他别名。',
  'problem.KMS.1103': '该密钥描述不合法（最多 255 个字符）。',
  'problem.KMS.1103.next': '请缩短描述。',
  'problem.KMS.1104': '已存在使用此别名的密钥。',
  'problem.KMS.1104.next': '请选择其他别名，或使用已有的密钥。',
  'problem.KMS.1105': '该项目的密钥数量已达到配额上限。',
  'problem.KMS.1105.next': '请删除不用的密钥，或申请提高配额。',
  'problem.KMS.1201': '该密钥未被禁用，因此无法启用。',
  'problem.KMS.1201.next': '请查询密钥详情以查看其状态。',
  'problem.KMS.1301': '该密钥未启用。',
  'problem.KMS.1301.next': '请查询密钥详情：它可能在等待密钥材料（“等待导入”）或已禁用。',
  'problem.KMS.1401': '删除密钥必须提前 7 到 1096 天计划。',
  'problem.KMS.1401.next': '请选择 7 到 1096 天的等待期。',
  'problem.KMS.1402': '该密钥已处于计划删除状态。',
  'problem.KMS.1402.next': '如仍需要该密钥，请先取消删除。',
  'problem.KMS.1501': '该密钥未处于计划删除状态。',
  'problem.KMS.1501.next': '请查询密钥详情以查看其状态。',
  'problem.KMS.1601': '密钥列表的分页大小超出范围。',
  'problem.KMS.1601.next': REPORT,
  'problem.KMS.1602': '密钥列表的分页标记被拒绝。',
  'problem.KMS.1602.next': REPORT,
  'problem.KMS.2101': '待加密的数据被拒绝（1 到 4096 字节）。',
  'problem.KMS.2101.next': '请检查待加密的数据。',
  'problem.KMS.2201': '密文被拒绝：它已损坏或属于另一个密钥。',
  'problem.KMS.2201.next': '请检查密文和密钥 ID。',
  'problem.KMS.2601': '导入令牌已过期（导入令牌和包装密钥的有效期为 24 小时）。',
  'problem.KMS.2601.next': NEW_PARAMETERS,
  'problem.WRAPPED_TOKENS_REFUSED_BEFORE':
    'KMS 已以过期为由拒绝此已包装密钥材料包的导入令牌（{code}，日志条目 {seq}），当时提交导入的是同一导入参数包（{dir}）的包装：无论本计算机的时钟如何显示，这些令牌都不能再用。未发送任何请求。',
  'problem.WRAPPED_TOKENS_REFUSED_BEFORE.next':
    '{newer, select, yes {{surface, select, app {请导入由之后写入的导入参数包（{latestDir}）包装的材料包：若尚未包装，请将其带到离线工作站包装。请将此材料包搁置。} other {请导入由之后写入的导入参数包（{latestDir}）包装的材料包：若尚未包装，请将其带到离线工作站包装（keyferry airgap wrap，按 online params 打印的命令）。请将此材料包搁置。}}} other {{surface, select, app {请获取新的导入参数（步骤“获取导入参数”）并写入参数包，带到离线工作站重新包装，然后检查并导入该材料包。请将此材料包搁置。} other {请获取新的导入参数（keyferry online params），在离线工作站包装，然后导入该材料包。请将此材料包搁置。}}}}',
  'problem.WRAPPED_STALE_TOKENS_REFUSED':
    'KMS 已以过期为由拒绝已包装密钥材料包 {folder} 的导入令牌（{code}，日志条目 {seq}）：它是由较早的导入参数包（{dir}）而非本仪式最后写出的导入参数包（{latestDir}）制作的。',
  'problem.WRAPPED_STALE_TOKENS_REFUSED.next':
    '请将此材料包搁置：它已无法再导入。下一步针对的是最后写出的导入参数包，与 online status 给出的相同（见下文）。',
  'problem.KMS.2602': 'KMS 拒绝了该密钥材料到期时间：按 KMS 自己的时钟，它不在未来。',
  'problem.KMS.2602.next':
    '{surface, select, app {请选择更晚的到期时间（“选择密钥材料到期时间并导入”步骤），并检查本机的时钟；演练时，模拟器的时钟可能已被调快（“调整模拟器时钟”）。} other {请选择更晚的到期时间（online import --expires，或导入步骤中的到期时间），并检查本机的时钟；演练时，模拟器的时钟可能已被调快（kms-sim advance）。}}',
  'problem.KMS.2603': '该导入令牌属于另一个密钥，而不是所指定的密钥。',
  'problem.KMS.2603.next': '请使用为此密钥 ID 获取的导入参数包。',
  'problem.KMS.2604': '解包后的密钥材料不是 AES_256 所需的 32 字节。',
  'problem.KMS.2604.next': '请包装恰好 32 字节的 AES-256 密钥材料。',
  'problem.KMS.2605': 'KMS 无法验证导入令牌：它已损坏，或并非由此 KMS 签发。',
  'problem.KMS.2605.next': '请原样使用获取到的导入令牌，或重新获取导入参数。',
  'problem.KMS.2606': '该密钥与首次导入的密钥材料绑定，只接受完全相同的字节再次导入。',
  'problem.KMS.2606.next': '请从备份中导入原来的密钥材料；新的密钥材料需要新的密钥。',
  'problem.KMS.2608': '非对称密钥的导入还需要已包装的私钥（encrypted_privatekey）。',
  'problem.KMS.2608.next': '请附上已包装密钥材料包中的已包装私钥。',
  'problem.KMS.2609': 'KMS 无法解包出与该密钥类型和长度相符的有效私钥。',
  'problem.KMS.2609.next': '请包装与密钥规格相符的 PKCS#8 私钥，并使用与已包装密钥材料相同的临时中间密钥。',
  'problem.KMS.2610': '已包装密钥材料中的临时中间密钥不是 16 或 32 字节。',
  'problem.KMS.2610.next': '请用新生成的 32 字节临时中间密钥重新包装私钥。',
  'problem.KMS.2701': '只有密钥处于“启用”或“禁用”状态时才能删除密钥材料。',
  'problem.KMS.2701.next': '请查询密钥详情以查看其状态。',
  'problem.KMS.2702': '导入的非对称（私钥）密钥材料不能删除。',
  'problem.KMS.2702.next': '请改为禁用该密钥或计划删除它。',
  'problem.APIGW.0101': '该终端节点不提供此 KMS API。',
  'problem.APIGW.0101.next': '请检查区域或终端节点。',
  'problem.APIG.0308': '同时发送的请求过多，云服务拒绝了该请求（流量控制）。',
  'problem.APIG.0308.next': 'Keyferry 会自行等待并重发；如果仍然出现，请调低 --concurrency 后重试。',
  'problem.APIGW.0301': '{locked, select, yes {连续五次签名错误，访问密钥已被锁定。} other {云服务拒绝了请求的签名。}}',
  'problem.APIGW.0301.next':
    '{locked, select, yes {请等待五分钟，检查 AK/SK 和本机时钟，然后重试。} other {请检查 AK/SK 和项目 ID，并确认本机时钟与真实时间相差不超过 15 分钟。连续五次签名错误会将 AK 锁定五分钟。}}',
  'problem.KMS_SERVICE_UNKNOWN':
    'KMS 以 {serviceCode}（HTTP {httpStatus}）拒绝了请求{answered, select, yes {：“{said}”} other {}}。',
  'problem.KMS_SERVICE_UNKNOWN.next':
    '{side, select, server {请稍等一分钟后重试。} other {请在华为云文档中查阅该 KMS 错误码；保留日志。}}',
  'problem.KMS_HTTP_ERROR': 'KMS 终端节点返回了 HTTP {httpStatus}，但没有 KMS 错误码。',
  'problem.KMS_HTTP_ERROR.next':
    '{side, select, server {请稍等一分钟后重试。} other {请检查区域或终端节点：它的行为不像 KMS。}}',
  'problem.KMS_BAD_RESPONSE':
    '{reason, select, shape {KMS 对 {action} 的应答不符合文档规定的格式（位置 “{where}”）。} publicKey {无法读取 KMS 对 {action} 的应答中的公钥。} marker {KMS 密钥列表表示还有后续分页，但没有给出新的分页标记。} wrappingKey {导入参数中的包装密钥不是 RSA 公钥。} otherKey {KMS 对 {action} 的应答针对的是密钥 {answered}，而不是所请求的密钥（{asked}）。} other {来自 {host} 的应答超过了 {limit} 字节。}}',
  'problem.KMS_BAD_RESPONSE.next':
    '{reason, select, shape {请检查区域或终端节点；如果它确实是 KMS，请保留日志并报告。} publicKey {请重新获取；如果再次出现，请保留日志并报告。} marker {请重试；如果再次出现，请保留日志并报告。} wrappingKey {请重新获取导入参数；如果再次出现，请保留日志并报告。} otherKey {请保留日志并报告；不要继续使用此密钥。} other {请检查终端节点：它的行为不像 KMS。}}',
  'problem.KMS_CREDENTIALS_INVALID':
    '{what, select, ak {访问密钥 ID（AK）} sk {私有访问密钥（SK）} securityToken {安全令牌} other {IAM 令牌}}缺失，或含有空格或控制字符。',
  'problem.KMS_CREDENTIALS_INVALID.next':
    '请按控制台显示的内容重新准确输入{what, select, ak {访问密钥 ID（AK）} sk {私有访问密钥（SK）} securityToken {安全令牌} other {IAM 令牌}}。',
  'problem.KMS_ENDPOINT_INVALID':
    '{reason, select, region {“{value}” 不是华为云区域名称。} notUrl {“{value}” 不是 URL。} path {终端节点 “{value}” 不得带有路径、查询参数或凭证。} plainHttp {{value} 不允许使用明文 http：只有本机模拟器（127.0.0.1 或 localhost）可以不经 TLS 访问。} scheme {不支持终端节点协议 {value}。} other {既没有给出区域，也没有给出终端节点。}}',
  'problem.KMS_ENDPOINT_INVALID.next':
    '{reason, select, region {请给出密钥所在的区域：区域是控制台显示的 ID，例如 cn-north-4 或 ap-southeast-1。} notUrl {终端节点请写成 https://host[:port]。} path {终端节点只写成 https://host[:port]。} plainHttp {请使用 KMS 的 https 终端节点。} scheme {请使用 https://。} other {请选择密钥所在的区域（例如 cn-north-4）。}}',
  'problem.KMS_PROJECT_ID_INVALID': '“{projectId}” 不是项目 ID。',
  'problem.KMS_PROJECT_ID_INVALID.next':
    '请从控制台复制该区域的项目 ID：项目 ID 是 32 位小写十六进制数字，见控制台“我的凭证 → API 凭证 → 项目列表”。',
  'problem.KMS_REQUEST_UNSIGNABLE':
    '{reason, select, headerName {无法对请求头名称 “{header}” 签名。} twice {请求头 “{header}” 出现了两次。} spaces {请求头 “{header}” 的值首尾有空格或含控制字符，HTTP 无法按签名时的样子传送。} url {请求 URL 含有损坏的 Unicode 字符。} other {host、X-Sdk-Date 和 Authorization 由签名器设置，而不是由调用方设置。}}',
  'problem.KMS_REQUEST_UNSIGNABLE.next': '这是调用方的缺陷；请连同日志一起报告。',
  'problem.KMS_TIMEOUT': '{host} 在{written, select, yes {请求发出后的} other {}} {timeoutMs} 毫秒内没有应答。',
  'problem.KMS_TIMEOUT.next': '请检查网络后重试。',
  'problem.KMS_CA_BUNDLE_INVALID':
    '{reason, select, empty {CA 证书包中没有 PEM 证书。} other {CA 证书包中有一个证书无法读取。}}',
  'problem.KMS_CA_BUNDLE_INVALID.next':
    '{reason, select, empty {请选择含有 -----BEGIN CERTIFICATE----- 块的 PEM 文件。} other {请将 CA 证书重新导出为 PEM。}}',
  'problem.KMS_TLS': '无法验证 {host} 的 TLS 证书（{code}）。',
  'problem.KMS_TLS.next': '请检查终端节点；如果位于检查 TLS 的代理之后，请将代理的 CA 证书添加为额外的 CA 证书包。',
  'problem.KMS_DNS': '无法解析域名 {hostname}。',
  'problem.KMS_DNS.next': '请检查区域或终端节点，以及本机的网络或 DNS。',
  'problem.KMS_CONNECTION_REFUSED': '{host} 拒绝了连接。',
  'problem.KMS_CONNECTION_REFUSED.next': '请检查终端节点，并确认服务（或模拟器）正在运行，然后重试。',
  'problem.KMS_CONNECTION_DROPPED':
    '与 {host} 的连接在{written, select, yes {请求发出之后} other {请求发出之前}}失败（{detail}）。',
  'problem.KMS_CONNECTION_DROPPED.next': '请检查网络后重试。',
  'problem.KMS_KEY_NOT_PENDING_IMPORT': `该密钥的状态是“${KEY_STATE}”，不是“等待导入”，因此现在不接受密钥材料。`,
  'problem.KMS_KEY_NOT_PENDING_IMPORT.next':
    '{state, select, 2 {该密钥已有密钥材料：请检查它（describe-key、get-publickey），不要再次导入。} other {请查询密钥详情，并在导入前让它回到“等待导入”状态。}}',
  'problem.KMS_IMPORT_OUTCOME_UNKNOWN': `导入没有得到明确的应答（{cause}），而且{state, select, none {密钥状态也无法读取} other {密钥现在的状态是“${KEY_STATE}”}}，因此 Keyferry 无法判断这次导入是否生效。`,
  'problem.KMS_IMPORT_OUTCOME_UNKNOWN.next':
    '待 KMS 恢复应答后请重新运行导入：它会先读取密钥状态，识别已生效的导入（密钥材料到期时间相同，RSA 和 EC 密钥的公钥也相同），不会重复发送。在此之前请勿通过其他方式导入该材料。',
  'problem.KMS_IMPORT_CONFLICT':
    '该密钥已启用，但{differs, select, expiry {其密钥材料到期时间} other {其公钥}}与本次导入不同：有其他密钥材料被导入了该密钥。',
  'problem.KMS_IMPORT_CONFLICT.next': '请停止：不要在本次仪式中使用此密钥；查明是谁向它导入了密钥材料。',
  'problem.KMS_IMPORT_NOT_APPLIED': '导入两次都没有得到明确的应答，且该密钥仍为“等待导入”：密钥材料没有导入。',
  'problem.KMS_IMPORT_NOT_APPLIED.next': '请检查网络，然后重新执行导入步骤（同一个导入令牌在到期前仍可使用）。',
  'problem.KMS_IMPORT_TOKEN_EXPIRED': '导入没有得到明确的应答，该密钥仍为“等待导入”，而导入令牌在此期间已过期。',
  'problem.KMS_IMPORT_TOKEN_EXPIRED.next': NEW_PARAMETERS,
  'problem.KMS_PROXY_INVALID':
    '{reason, select, notUrl {HTTPS_PROXY 设置不是 URL。} other {不支持通过 {scheme} 访问的代理；只支持 http:// 代理（使用 CONNECT）。}}',
  'problem.KMS_PROXY_INVALID.next':
    '{reason, select, notUrl {请将 HTTPS_PROXY 设为 http://host:port（或取消设置）。} other {请将 HTTPS_PROXY 设为代理的 http://host:port 地址。}}',
  'problem.KMS_PROXY_TIMEOUT': '代理 {proxy} 没有在 {timeoutMs} 毫秒内打开隧道。',
  'problem.KMS_PROXY_TIMEOUT.next': '请检查代理或 NO_PROXY，然后重试。',
  'problem.KMS_PROXY_REFUSED': '代理 {proxy} 拒绝打开到 {authority} 的隧道（HTTP {status}）。',
  'problem.KMS_PROXY_REFUSED.next':
    '{status, plural, =407 {请在 HTTPS_PROXY 中写入代理的用户名和密码（http://user:password@host:port）。} other {请网络管理员允许此 KMS 终端节点通过代理。}}',
  'problem.KMS_PROXY_UNREACHABLE': '无法连接代理 {proxy}（{code, select, none {网络错误} other {{code}}}）。',
  'problem.KMS_PROXY_UNREACHABLE.next': '请检查 HTTPS_PROXY 和网络，然后重试。',
  'problem.SIM_LISTEN_FAILED': '模拟器无法在 {host}:{port} 上监听（{detail}）。',
  'problem.SIM_LISTEN_FAILED.next': '请选择其他 --port，或停止占用该端口的程序。',
  'problem.SIM_NO_SUCH_KEY': '模拟器中没有密钥 {keyId}。',
  'problem.SIM_NO_SUCH_KEY.next': '请先创建该密钥。',
  'problem.SIM_STATE_INVALID':
    '模拟器状态文件 {file} 无法使用：{why, select, tooLarge {文件大于 64 MiB} notJson {文件不是 JSON} notAFile {它是文件夹或其他特殊文件，而不是普通文件} field {字段 “{detail}” 无效} other {{detail}}}。',
  'problem.SIM_STATE_INVALID.next': '请用新的 --state 文件（或不用）启动模拟器；保留旧文件以供检查。',
};
