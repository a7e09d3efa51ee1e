/** 在线命令行：仪式日志记录的 KMS 连接。 */
import type { enOnlineCli } from '../en/online-cli';

export const zhCNOnlineCli: { readonly [K in keyof typeof enOnlineCli]: string } = {
  'problem.CONNECTION_DIFFERS_FROM_JOURNAL':
    '日志 {journal} 记录本次仪式的 {field} 为 {recorded}，但本命令给出的是 {given}。',
  'problem.CONNECTION_DIFFERS_FROM_JOURNAL.next':
    '请省略连接选项（将使用日志中的连接），或给出 {field} {recorded}；--config 文件中也须为相同的值或不填。一次仪式只使用一个 KMS。',
  'online.next.new-parameters':
    '下一步，获取新的包装密钥和导入令牌（包装密钥材料所用的已过期；请在离线工作站上用新的参数包重新包装）：{command}',
};
