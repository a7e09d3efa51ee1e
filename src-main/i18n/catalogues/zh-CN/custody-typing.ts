/** 保管人按打印的托管凭条键入份额（见 ../en/custody-typing.ts）。 */
import type { enCustodyTyping } from '../en/custody-typing';

export const zhCNCustodyTyping: { readonly [K in keyof typeof enCustodyTyping]: string } = {
  'problem.CUSTODY_TYPED_SHARE_INVALID':
    '{reason, select, no_header {键入的份额中没有标题行（“KEYFERRY SHARE V1 ...”）。} header_form {标题行的格式不是“KEYFERRY SHARE V1 <i> OF <n> NEEDS <m> LINES <count> CHECK <xx>”。} header_check {标题行与其校验码不符：请检查标题行中的输入错误。} line_form {第 {line} 行的格式不是“行号、最多 16 个字符和 2 个字符的校验码”。} line_order {第 {line} 行的行号是 {numbered}：有一行缺失、重复或顺序错误。} too_many {行数超过标题行声明的 {expected} 行。} line_length {第 {line} 行有 {length} 个字符，应为 {width} 个。} line_check {第 {line} 行与其校验码 {check} 不符：请检查第 {line} 行中的输入错误。} too_few {只找到 {expected} 行中的 {found} 行：缺少第 {missing} 行。} no_decode {键入的各行虽然都与校验码相符，但无法解码。} unreadable {无法读取键入的份额：{payload, select, version {它由未知的凭条格式版本写入} spec {其密钥规格未知} afterEnd {其末尾之后还有多余的字节} fields {{fieldCount, plural, other {其字段 {fieldsList} 无效}}} other {它提前结束，或含有不是 UTF-8 的文本}}。} other {标题行与编号各行描述的不是同一份额。}}',
  'problem.CUSTODY_TYPED_SHARE_INVALID.next':
    '{reason, select, no_header {请先键入凭条的标题行，再键入编号各行。} line_order {请按顺序将凭条的每个编号行各键入一次。} too_few {请按顺序将凭条的每个编号行各键入一次。} too_many {请删除多余的行，或更正标题行。} no_decode {请将每一行与打印的凭条逐一核对后重试。} unreadable {请将每一行与打印的凭条逐一核对后重试。} mixed {请键入同一张凭条上的标题行和各行。} other {请将该行与打印的凭条逐字核对，更正后重试。}}',
};
