/** JournalScreen：日志查看器。 */
import type { enScreenJournal } from '../en/screen-journal';

export const zhCNScreenJournal: { readonly [K in keyof typeof enScreenJournal]: string } = {
  'journal.heading': '仪式日志',
  'journal.which': '选择日志',
  'journal.label': '{side, select, online {联网侧日志} air_gapped {离线侧日志} other {托管恢复日志}}',
  'journal.read-again': '重新读取日志',
  'journal.none': '尚未写入{side, select, online {联网侧} custody_restore {托管恢复} other {离线侧}}日志。',
  'journal.verifies': '{count, plural, other {共 # 条记录的}}哈希链校验通过。',
  'journal.broken': '日志校验未通过。',
  'journal.file': '文件',
  'journal.head': '链头哈希（与回执核对）：',
  'journal.head-label': '日志链头哈希',
  'journal.caption': '记录（最早的在前）',
  'journal.col.time': '时间',
  'journal.col.who': '执行人',
  'journal.col.event': '事件',
  'journal.col.data': '数据',
  'journal.reason': '原因：',
  'journal.recorded': '日志记录的原文：“{text}”',
  'journal.shortened': '（文件中共 {count} 个字符）',
  'journal.field':
    '{name, select, accessKeyHint {访问密钥（AK）} airGapJournal {离线日志} airGapJournalFirstEntry {离线日志首条记录} airGapJournalFirstEntrySha256 {离线日志首条记录 SHA-256} alias {别名} appBuild {应用构建} appCode {应用代码} appVersion {应用版本} artefact {确认对象} at {时间} backupDigest {备份摘要} backupFile {备份文件} bound {已绑定} bundleDigest {已包装密钥材料包摘要} bundleOnMedia {由介质上的已包装密钥材料包指定} bundleExpiry {材料包的密钥材料到期时间} bundleOperator {导入参数包中的操作员} bundlePeople {导入参数包中的人员} bundleWitnessList {导入参数包中的见证人} cause {原因} causeValues {原因的值} ceremonyId {仪式 ID} closingEndJournaled {关闭应以其自身的“会话已关闭”条目结束} checkedAgainst {关闭前核对所依据的} parametersSha256 {导入参数包 SHA-256} code {代码} command {命令} confirmation {确认} consequence {后果} count {数量} creates {已发送的创建请求} credentials {凭证} custodian {保管人} custodians {保管人} custodiansOnOneVolume {保管人位于同一卷} custody {托管} custodySplitStartJournaled {托管拆分的开始先记入日志} custodySet {托管集} description {描述} destinations {目标位置} differingGroups {不同的分组} otherBundle {所输入摘要所属的参数包} digest {摘要} digestSource {摘要来源} earlier {先前的包装} earlierAirGapJournal {先前的离线日志} earlierAirGapJournalFirstEntry {先前离线日志首条记录} earlierAirGapJournalFirstEntrySha256 {先前离线日志首条记录 SHA-256} earlierSeq {先前的包所在记录} earlierWraps {其日志中先前的包装} effective {生效的到期时间} encryptedKeyMaterialSha256 {加密后的密钥材料 SHA-256} encryptedPrivateKeySha256 {加密后的私钥 SHA-256} endpoint {终端节点} errno {错误码} error {错误} expiresAt {到期时间} expiries {各密钥的密钥材料到期时间} expiry {密钥材料到期时间} exposed {已泄露的密钥材料} file {文件} fileCount {文件数} fileName {文件名} firstSeq {首次记录为留下的条目} folder {文件夹} folders {文件夹} format {格式} fragmentBytes {不完整行字节数} fragmentEvent {不完整行的事件} fragmentKeyId {不完整行的密钥 ID} fragmentSha256 {不完整行 SHA-256} freeBytes {可用字节数} from {来源} given {已提供} givenOperator {给出的操作员} givenWitnessList {给出的见证人} grounds {依据} held {密钥持有的密钥材料} heldFromBundle {导入自已包装密钥材料包} holders {持有人} hostname {主机名} hsmTokenLabel {HSM 令牌标签} hsmTokenSerial {HSM 令牌序列号} htmlFile {HTML 文件} htmlSha256 {HTML SHA-256} importedSeq {导入所在条目} importToken {导入令牌} importTokenSha256 {导入令牌 SHA-256} index {序号} interfaces {网络接口} journalCountAtReceipt {写回执时的日志条目数} journalFile {日志文件} journalFirstEntrySha256 {日志首条记录 SHA-256} journalHeadAtReceipt {写回执时的日志链头哈希} journalOperator {联网日志中的操作员} journalWitnessList {联网日志中的见证人} keptInHsm {保存在 HSM 中} key {密钥} keyCheckValue {密钥校验值（KCV）} keyId {密钥 ID} keyIds {密钥 ID} keys {密钥} keyState {密钥状态} keysVisible {可见密钥数} kind {类型} label {标签} language {语言} left {离开方式} leftFiles {未能删除的文件} line {行} looksLikeCutLine {像此日志被截断的行} madeBy {制作者} madeOperator {包装的操作员} madeWitnessList {包装的见证人} makersCompared {已与已接收的包装核对} manifest {清单} manifestRemoved {清单已删除} manifestRenamed {清单已改名} manifestSha256 {清单 SHA-256} manifestWritten {清单已写入} marker {标记文件} materialExpiry {密钥材料到期时间} mechanism {机制} members {成员} message {消息} method {方法} module {模块} modulePath {PKCS#11 模块} mismatch {本日志的不同之处} movedFiles {不在写入位置的文件} namedJournal {参数指定的日志} namedJournalFirstEntrySha256 {其首条记录 SHA-256} needed {所需} neededBytes {所需字节数} notCustodian {不是记录的保管人} now {本机时间} objectClass {令牌对象类别} objectId {令牌对象 CKA_ID} objectLabel {令牌对象标签} objectLocal {在令牌中生成（CKA_LOCAL）} objectAlwaysSensitive {从未以明文形式可读（CKA_ALWAYS_SENSITIVE）} objectSensitive {当前不可以明文形式读取（CKA_SENSITIVE）} objects {令牌对象} operator {操作员} os {操作系统} overridden {已覆盖} paperSize {纸张尺寸} parametersBundle {所用导入参数包} plan {计划的到期时间} planned {计划} plannedExpiry {计划的密钥材料到期时间} plannedKind {计划（类型）} presented {已出示} presentedBy {出示人} primaryKeyId {主密钥 ID} profile {配置档} projectId {项目 ID} proof {证明} publicKeyFingerprint {公钥指纹} purpose {目的} reason {原因} reasonPhrase {原因} receipt {回执} receiptLanguage {回执语言} recordedExpiresAt {记录的密钥材料到期时间} recordedIn {记录于} recordedLate {补记} recordedSeq {记录于条目} region {区域} rehearsal {演练} removedFiles {已删除的文件数} removedFolders {它创建并已再次删除的保管人文件夹} replicaOf {副本来源} replicas {副本} requested {请求} requestedKind {请求（类型）} retryOfSeq {重试的发送所在条目} role {用途} sent {由未记录答复的发送创建} sentSeq {创建请求发送于条目} sentSpec {创建请求的规格} sentUsage {创建请求的用途} seq {条目} serial {序列号} session {会话} sessionSeq {其会话起始于条目} severalSharesReason {一人出示多份份额的原因} sha256 {SHA-256} share {份额} shareChecksum {份额校验和} shareIndex {份额} shareIndexes {份额} sharesList {份额} sharesPresented {已出示的份额数} side {工作站} sideFile {旁存文件} signal {信号} source {来源} spec {规格} splitCeremonyId {拆分所在的仪式} state {状态} step {步骤} stop {停止} summary {概要} textFile {文本文件} textSha256 {文本 SHA-256} threshold {门限} title {标题} token {令牌} tokenExpiresAt {导入令牌到期时间} tokenSerial {令牌序列号} tokensUntil {导入令牌有效期至} total {总数} typed {键入内容} unrecordedSeq {未记录结果的会话所在条目} usage {用途} value {值} values {值} voidedFiles {已改名为 .void} warnings {警告} willCreate {将创建} wipedKeys {停止时擦除的密钥} withdrawnBundle {已撤回的材料包} witness {见证人} witnesses {见证人} wrapAgainReason {再次包装的原因} wrapEntry {包装它的会话（其起始记录）} wrappingAlgorithm {包装密钥算法} wrappingKeyFingerprint {包装密钥指纹} wrappingPublicKey {包装密钥} wrappedUnder {实际所用的包装密钥} wipedKeyIds {停止时擦除的密钥 ID} other {{name}}}',
  'journal.field.label': '{label}：',
  'journal.field.pair': '{label}：{value}',
  'journal.value.yes': '{yes, select, true {是} other {否}}',
  'journal.value.fields': '（{fields}）',
  'journal.value.none': '（无）',
  'journal.value.number': '{n, number}',
  'journal.value.never': '永不过期',
  'journal.value.notWithdrawnCause':
    '{cause, select, receiptWritten {已保留：其会话在写出包清单之前已写出回执} unreadable {无法读取该文件夹} shareMissing {份额不在该文件夹中} unknownSet {本日志副本不知道的托管集的文件} closingCut {关闭被中断后未找到（已被其删除，或从未在那里）} other {无法删除文件}}',
  'journal.value.parametersDigestWithheld':
    '离线工作站上不显示：每位见证人须输入从联网工作站听到的摘要（回执上印有该值）',
  'journal.value.digestSource':
    '{source, select, receipt {按离线回执键入} rehearsal {取自演练的离线端} other {{source}}}',
} as const;
