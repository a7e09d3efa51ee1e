/** 人工键入的摘要与见证人确认（见 ../en/confirmations.ts）。术语依 docs/i18n-glossary.md。 */
import type { enConfirmations } from '../en/confirmations';

const SUBJECT =
  '{subject, select, wrapped {已包装密钥材料包摘要} parameters {导入参数包摘要} fingerprint {包装密钥指纹} head {日志链头哈希} other {包摘要}}';
const WHERE =
  '{subject, select, wrapped {（离线回执“封印”部分的“已包装密钥材料包摘要”（英文回执上为 “Wrapped-material bundle digest”））} parameters {{surface, select, app {（联网工作站在“导入参数包摘要”下显示的值（“联网”界面的“获取导入参数并写入移动存储介质”步骤），由人朗读）} other {（联网工作站显示的值，keyferry online params 或联网界面，由人朗读）}}} fingerprint {（联网工作站显示的值，由人朗读）} head {（回执“封印”部分“日志链头”所印的值）} other {（注明该包的回执上所印的值）}}';

const TYPIST = '{by, select, witness {{typist}：} other {}}';

export const zhCNConfirmations: { readonly [K in keyof typeof enConfirmations]: string } = {
  'problem.DIGEST_TYPED_EMPTY': `${TYPIST}没有输入${SUBJECT}；此项不能跳过。`,
  'problem.DIGEST_TYPED_EMPTY.next': `请输入${SUBJECT}${WHERE}。`,
  'problem.DIGEST_TYPED_NOT_HEX': `${TYPIST}输入的${SUBJECT}第 {group} 组含有 {character}，它不是十六进制数字（0-9、a-f）。`,
  'problem.DIGEST_TYPED_NOT_HEX.next': `请输入${SUBJECT}${WHERE}：16 组，每组 4 个十六进制数字；空格和大小写不影响。`,
  'problem.DIGEST_TYPED_GROUP_LENGTH': `${TYPIST}输入的${SUBJECT}第 {group} 组有 {digits} 位；每组应为 4 位（共输入 {groups} 组，摘要应为 16 组）。`,
  'problem.DIGEST_TYPED_GROUP_LENGTH.next': `请输入${SUBJECT}${WHERE}：16 组，每组 4 个十六进制数字。`,
  'problem.DIGEST_TYPED_LENGTH': `${TYPIST}输入的${SUBJECT}有 {digits} 个十六进制数字；SHA-256 摘要应为 64 个（16 组，每组 4 个）。`,
  'problem.DIGEST_TYPED_LENGTH.next': `请输入${SUBJECT}${WHERE}：16 组，每组 4 个十六进制数字。`,

  'problem.BUNDLE_DIGEST_SLIP':
    '{count, plural, other {第 {groupsList} 组（共 16 组）}}与 {dir} 中包的摘要不同：您在该处输入的是 {typedList}。要么摘要输错了，要么这不是{kind, select, parameters {联网工作站所显示摘要对应的包} wrapped {回执所注明的包} other {所输入摘要对应的包}}。',
  'problem.BUNDLE_DIGEST_SLIP.next':
    '请重新核读{kind, select, parameters {联网工作站所显示的摘要中} wrapped {回执上} other {所读摘要中}}不同的{count, plural, =1 {那一组} other {那 # 组}}并重新输入。若仍不同，请勿使用此包：找到{kind, select, parameters {联网工作站写出的} wrapped {回执所注明的} other {该摘要对应的}}、未被改动的包。',
  'problem.BUNDLE_DIGEST_MISMATCH':
    '{count} 组（共 16 组）与 {dir} 中包的摘要不同。这不是{kind, select, parameters {联网工作站所显示摘要对应的包} wrapped {回执所注明的包} other {所输入摘要对应的包}}。',
  'problem.BUNDLE_DIGEST_MISMATCH.next':
    '{kind, select, parameters {请勿使用此包：找到联网工作站写出的、未被改动的包。在那里重新写出的包带有新的令牌和另一个摘要，联网工作站会显示它。} wrapped {请勿使用此包：找到回执所注明的、未被改动的包，或在生成它的机器上重新写出。} other {请勿使用此包：找到该摘要对应的、未被改动的包。}}',

  'problem.WRAPPED_DIGEST_REQUIRED':
    '未提供离线回执上的已包装密钥材料包摘要，因此无法证明这就是该回执所注明的包。没有读取任何内容，也没有向 KMS 发送任何内容。',
  'problem.WRAPPED_DIGEST_REQUIRED.next':
    '在离线回执（纸质或 receipt-air-gapped-….txt）的“封印”部分找到“已包装密钥材料包摘要”（英文回执上为 “Wrapped-material bundle digest”）并输入：16 组，每组 4 个十六进制数字。',
  'problem.CLI_EXPECT_DIGEST_MISSING':
    'online import 需要 --expect-digest：离线回执上印的已包装密钥材料包摘要。没有读取任何内容，也没有向 KMS 发送任何内容。',
  'problem.CLI_EXPECT_DIGEST_MISSING.next':
    '在离线回执（纸质，或离线日志旁的 receipt-air-gapped-….txt）的“封印”部分找到“已包装密钥材料包摘要”（英文回执上为 “Wrapped-material bundle digest”），并加上 --expect-digest "XXXX XXXX …"（16 组，每组 4 个）。',
  'problem.WRAPPED_DIGEST_SLIP':
    '{count, plural, other {第 {groupsList} 组（共 16 组）}}与 {dir} 中包的摘要不同：您在该处输入的是 {typedList}。要么摘要输错了，要么这不是离线回执所注明的包。没有向 KMS 发送任何内容。',
  'problem.WRAPPED_DIGEST_SLIP.next':
    '请重新核读离线回执上的{count, plural, =1 {那一组} other {那 # 组}}并重新输入摘要。若仍不同，请勿导入此包：带来回执所注明的、未被改动的包。',
  'problem.WRAPPED_BUNDLE_NOT_AS_WRAPPED':
    '{by, select, verify {{dir} 中的已包装密钥材料包有文件与其清单所列不符：{cause}} other {{dir} 中的已包装密钥材料包带有离线回执所注明的清单，但其文件已不是离线工作站写出时的样子：{cause}没有向 KMS 发送任何内容。}}',
  'problem.WRAPPED_BUNDLE_NOT_AS_WRAPPED.next':
    '{surface, select, app {{imported, select, yes {此包的密钥材料已导入其密钥：它绝不能再次被包装，其托管副本（份额或 HSM 令牌对象）现在是它唯一的备份：请妥善保留。只有联网回执仍需读取此包：请将一份未被改动的副本（离线工作站的介质或备份）完整复制到一个新的空文件夹中，并用同一摘要再次核对。} other {请勿导入此副本。请使用离线回执所注明的包的未被改动的副本，将其完整复制到一个新的空文件夹中（多一个或少一个文件，例如复制进来的另一个包的文件，就足以导致此拒绝；会再次核对同一摘要）。若没有这样的副本，则无法重新写出（离线工作站在包装后已擦除该密钥材料）：离线端必须在同一份离线日志中重新包装，在预检时勾选“再次包装”并说明原因（若导入令牌已过期，请先获取新的导入参数），届时制作的托管集将取代旧的托管集。}}} other {{imported, select, yes {此包的密钥材料已导入其密钥：它绝不能再次被包装，其托管副本（份额或 HSM 令牌对象）现在是它唯一的备份：请妥善保留。只有联网回执仍需读取此包：请将一份未被改动的副本（离线工作站的介质或备份）完整复制到一个新的空文件夹中，并用同一摘要再次核对。} other {请勿导入此副本。请使用离线回执所注明的包的未被改动的副本，将其完整复制到一个新的空文件夹中（多一个或少一个文件，例如复制进来的另一个包的文件，就足以导致此拒绝；会再次核对同一摘要）。若没有这样的副本，则无法重新写出（离线工作站在包装后已擦除该密钥材料）：离线端必须使用同一份离线日志重新包装，并说明原因（airgap wrap --wrap-again REASON；若导入令牌已过期，请先获取新的导入参数），届时制作的托管集将取代旧的托管集。}}}}',
  'problem.WRAPPED_DIGEST_MISMATCH':
    '{count} 组（共 16 组）与 {dir} 中包的摘要不同。这不是离线回执所注明的包（输入笔误至少会让一半的组保持不变）。没有向 KMS 发送任何内容。',
  'problem.WRAPPED_DIGEST_MISMATCH.next':
    '请勿导入此包。带来离线回执所注明的、未被改动的已包装密钥材料包，并确认该回执确实是本次仪式打印的。',
  'problem.WRAPPED_BUNDLE_ONE_FOLDER_DOWN':
    '{dir} 不是材料包文件夹，但其中的文件夹 {folder} 存放着所键入摘要对应的已包装密钥材料包{other, select, yes {，它属于仪式 {named}，而不是本仪式（{own}）} other {}}。未导入任何内容，也未向 KMS 发送任何内容。',
  'problem.WRAPPED_BUNDLE_ONE_FOLDER_DOWN.next':
    '{surface, select, app {{other, select, yes {请勿在此导入它：所键入的摘要来自那个仪式的离线回执。请键入本仪式离线回执上的摘要，并在“已包装密钥材料包文件夹”中给出本仪式的材料包文件夹。} other {请给出该文件夹：在“已包装密钥材料包文件夹”中选择 {folder}，并再次点击“检查包”。}}} other {{other, select, yes {请勿在此导入它：所键入的摘要来自那个仪式的离线回执。请键入本仪式离线回执上的摘要，并用 --bundle 给出本仪式的材料包文件夹。} other {请给出该文件夹：使用 --bundle {folder} 重新运行命令（在应用中请选择该文件夹）。}}}}',
  'problem.WRAPPED_DIGEST_IS_PARAMETERS':
    '键入的摘要是本工作站写出的导入参数包摘要（离线回执上的第一个封印），而不是已包装密钥材料包摘要。未从 {dir} 读取任何内容，也未向 KMS 发送任何内容。',
  'problem.WRAPPED_DIGEST_IS_PARAMETERS.next':
    '{surface, select, app {请改为键入已包装密钥材料包摘要：离线回执“封印”部分的“已包装密钥材料包摘要”（第二个封印）。还没有离线回执？那么密钥材料尚未包装：请先把导入参数包带到离线工作站并在那里包装，再在此处核对它写出的材料包。} other {请改为键入已包装密钥材料包摘要：离线回执“封印”部分的“已包装密钥材料包摘要”（第二个封印）。还没有离线回执？那么密钥材料尚未包装：请先把导入参数包带到离线工作站（使用 online params 打印的 keyferry airgap wrap 命令），再导入它写出的材料包。}}',
  'problem.WRAPPED_BRINGS_NOTHING':
    '{dir} 中的已包装密钥材料包（摘要 {digest}）的每个密钥都已持有其所含的密钥材料（此前已导入并记入日志）：它没有带来本仪式正在等待的任何内容。{count, plural, other {# 个密钥}}在等待密钥材料：{waitingList}。未导入任何内容。',
  'problem.WRAPPED_BRINGS_NOTHING.next':
    '{known, select, yes {请带来由导入参数包 {parameters} 制作的已包装密钥材料包（online params 写出它之后打印的步骤），并输入其回执上打印的摘要。} other {请带来为这些密钥制作的已包装密钥材料包，并输入其回执上打印的摘要。}}',
  'problem.WRAPPED_OTHER_THAN_IMPORTED':
    '本次仪式的 {count} 个密钥已持有导入的密钥材料，来自 {bundles} 个已包装密钥材料包 {importedList}。{slip, select, yes {键入的摘要 {typed} 与 {slipOf} 仅在 16 组中的{slipCount, plural, other {第 {slipGroupsList} 组}}不同（你在该处键入了 {slipTypedList}）：很可能是该摘要的键入错误，而该摘要所指材料包的密钥材料这些密钥已持有，因此没有可导入的内容。} other {键入的摘要 {typed} {bundles, plural, =1 {不是该材料包的摘要} other {不属于其中任何一个}}：键入的摘要所指的材料包中没有可导入的内容：这些密钥已持有其密钥材料，因此同一密钥材料的材料包（例如托管恢复所得的材料包）不会带来任何内容，而其他密钥材料 KMS 会拒绝导入已有过密钥材料的密钥（KMS.2606）。}}除其清单（如有）外未从 {dir} 读取任何内容，也未向 KMS 发送任何内容。{replaced, select, named {键入的摘要所指的材料包已在联网日志条目 {replacedSeq} 核对，而它自己的托管集 {replacedTag}（{replacedTotal} 份中的 {replacedThreshold} 份份额，由 {replacedCustodiansList} 持有）不再支撑任何已导入的材料：之后的一次包装取代了它，密钥持有的是那次包装的材料（其密钥校验值或公钥指纹与该材料包的不同）。请按您的流程销毁其份额、凭条和备份，online import 和 online status 也是这样说明的。} refused {键入的摘要所指的材料包（已读取其清单，并随对它的拒绝记入联网日志条目 {replacedSeq}）有它自己的托管集 {replacedTag}（{replacedTotal} 份中的 {replacedThreshold} 份份额，由 {replacedCustodiansList} 持有），该托管集不再支撑任何已导入的材料：它所含的密钥持有另一次包装的材料（其密钥校验值或公钥指纹与该材料包的不同），因此该托管集永远无法恢复到这些密钥中。请按您的流程销毁其份额、凭条和备份，online status 也是这样说明的。} other {}}',
  'problem.WRAPPED_OTHER_THAN_IMPORTED.next':
    '{slip, select, yes {请逐组重新读取离线回执上的摘要：若它是 {slipOf}，则该材料包已导入，无需再从中导入任何内容。} other {}}{surface, select, app {印有已导入的 {bundles} 个材料包摘要（{importedList}）的离线回执才与这些密钥相符。其所列的托管副本（如有）就是这些密钥的备份：请妥善保留。{sets, plural, =0 {} other {其托管集为 {setsList}：即份额文件名中的标签，导入时已记录。}}如果重新包装时已销毁这样的托管集，相应密钥现在没有托管副本。{replaced, select, named {不要仅凭此消息销毁任何其他材料包或托管集} refused {不要仅凭此消息销毁任何其他材料包或托管集} other {不要仅凭此消息销毁任何材料包或托管集}}：请将材料包的密钥校验值或公钥指纹与联网回执核对，并在此处读取密钥状态（“校验已导入的密钥”步骤中的“从 KMS 读取密钥状态”）。} other {印有已导入的 {bundles} 个材料包摘要（{importedList}）的离线回执才与这些密钥相符。其所列的托管副本（如有）就是这些密钥的备份：请妥善保留。{sets, plural, =0 {} other {其托管集为 {setsList}：即份额文件名中的标签，导入时已记录。}}如果重新包装时已销毁这样的托管集，相应密钥现在没有托管副本。{replaced, select, named {不要仅凭此消息销毁任何其他材料包或托管集} refused {不要仅凭此消息销毁任何其他材料包或托管集} other {不要仅凭此消息销毁任何材料包或托管集}}：请用 keyferry bundle verify FOLDER 查看文件夹中是哪个材料包，并将其密钥校验值或公钥指纹与联网回执核对。请使用 keyferry online status 核对这些密钥。}}',
  'problem.WRAPPED_DIGEST_SOURCE_REFUSED': '只有演练才能从其自身的离线端获取已包装密钥材料包摘要；本次仪式不是演练。',
  'problem.WRAPPED_DIGEST_SOURCE_REFUSED.next': '请输入离线回执上的摘要。',
  'problem.WRAPPED_NOT_CHECKED_IN_SESSION': '本次会话中没有按回执摘要检查过任何已包装密钥材料包。',
  'problem.WRAPPED_NOT_CHECKED_IN_SESSION.next': '请先用离线回执上的摘要检查已包装密钥材料包。',

  'problem.WITNESS_UNKNOWN': '“{witness}”不是本次仪式的见证人。',
  'problem.WITNESS_UNKNOWN.next':
    '确认只能由指定的见证人作出：{witnessesList}。{match, select, loose {姓名须完全一致（包括大小写和重音符号）：请按本次仪式所列写作 {meant}。} other {}}',
  'problem.WITNESS_ARTEFACT_UNKNOWN': '没有第 {index} 个需要确认的值；本次仪式共有 {count} 个。',
  'problem.WITNESS_ARTEFACT_UNKNOWN.next': '请确认屏幕上显示的某一个值。',
  'problem.WITNESS_DIGEST_SLIP':
    '{witness} 输入的值与{artefact, select, bundle {此处读取的导入参数包的摘要} other {包装密钥指纹}}在{count, plural, other {第 {groupsList} 组}}（共 16 组）不同（该处输入的是 {typedList}）。已拒绝（拒绝已记入日志）；未为 {witness} 记录任何确认。',
  'problem.WITNESS_DIGEST_SLIP.next':
    '请联网工作站再朗读一遍{count, plural, =1 {该组} other {这些组}}，然后{given, select, option {重新运行命令，在 --witness-confirms "{witness}=…" 中给出 {witness} 重新输入的完整的值} other { {witness} 重新输入完整的值}}。如果仍然不同，请停止：此处的包不是联网工作站写出的那个包。',
  'problem.WITNESS_DIGEST_MISMATCH':
    '{witness} 输入的值与{artefact, select, bundle {此处读取的导入参数包的摘要} other {包装密钥指纹}}有 {count} 组（共 16 组）不同，不是输入笔误。已拒绝（拒绝已记入日志）；未为 {witness} 记录任何确认。',
  'problem.WITNESS_DIGEST_MISMATCH.next':
    '{surface, select, app {在任何人再次输入之前，请先核对：由联网工作站按其日志在写出参数包时记录的值再次朗读导入参数包摘要（其“日志”界面中写出参数包的那条记录：清单 SHA-256），不要从移动存储介质上的包读取，那正是有疑问的副本（重新获取导入参数会得到另一个摘要）。如果 {witness} 输入的正是朗读的值，则此处的包不是它写出的那个包（在介质上被改动过，或是另一个包）：不要用它包装；请在联网工作站上重新获取导入参数。} other {在任何人再次输入之前，请先核对：由联网工作站按其日志在写出参数包时记录的值再次朗读导入参数包摘要（keyferry online status 会打印它，或看联网界面；不要对移动存储介质上的包运行 keyferry bundle verify，那正是有疑问的副本；keyferry online params 会重新获取导入参数，摘要也随之不同）。如果 {witness} 输入的正是朗读的值，则此处的包不是它写出的那个包（在介质上被改动过，或是另一个包）：不要用它包装。请按听到的值用 keyferry bundle verify DIR --expect-digest "…" 核对此包，若仍不同，请重新获取导入参数。}}',
  'problem.WITNESS_TYPED_FINGERPRINT':
    '{witness} 输入的是密钥 {keyId} 的包装密钥指纹，而不是导入参数包摘要。已拒绝（拒绝已记入日志）；未为 {witness} 记录任何确认。',
  'problem.WITNESS_TYPED_FINGERPRINT.next':
    '{surface, select, app {应输入的是导入参数包摘要：联网工作站在“导入参数包摘要”下单独显示它（“联网”界面的“获取导入参数并写入移动存储介质”步骤），不在各包装密钥指纹之中。请朗读该值，然后由 {witness} 在“{witness} 听到的包摘要”中输入。} other {应输入的是导入参数包摘要：keyferry online params 在各指纹之后单独列出，以“导入参数包摘要”开头（英文输出为 IMPORT-PARAMETERS BUNDLE DIGEST），两行各八组（联网界面的显示方式相同）。请朗读该值，然后{given, select, option {重新运行命令，在 --witness-confirms "{witness}=…" 中给出 {witness} 输入的该值} other {由 {witness} 输入}}。}}',
  'problem.WITNESS_TYPED_OTHER_BUNDLE':
    '{witness} 输入的是 {folder} 中{kind, select, wrapped {已包装密钥材料包} other {导入参数包}}的摘要，该文件夹与此处读取的包位于同一位置{other, select, yes {，是另一仪式（{bundleCeremony}）的参数包} other {}}：不是本包的摘要。已拒绝（拒绝已记入日志）；未为 {witness} 记录任何确认。',
  'problem.WITNESS_TYPED_OTHER_BUNDLE.next':
    '{surface, select, app {{kind, select, wrapped {{folder} 中是已包装密钥材料包，由离线工作站写出：它的摘要打印在离线回执上，绝不是此处要输入的值。请联网工作站按其日志记录朗读导入参数包摘要（其“联网”界面在“导入参数包摘要”下显示它，旁边是它写出的文件夹），再由 {witness} 按听到的内容重新给出该值。} other {{other, select, yes {联网工作站朗读的是仪式 {bundleCeremony} 的参数包摘要；此处读取的包属于仪式 {ceremonyId}。请向联网工作站确认它正在进行哪个仪式。若是本仪式，请由它按日志记录朗读为 {ceremonyId} 写出的参数包的摘要（在“设置”中选择该仪式的文件夹后，其“联网”界面会显示它），并由每位见证人重新输入；若要改为处理仪式 {bundleCeremony}，请在此处从“设置”（“仪式文件夹”）开始该仪式，使用其联网工作站为它指定的离线日志，并读取其参数包（“读取包”）。} other {联网工作站朗读的是 {folder} 中参数包的摘要：它每次写出参数包（“写入导入参数包”步骤，或在其命令行上）都会写出一个有自己摘要的参数包，只应包装最后写出的那一个。请向联网工作站确认它与所朗读摘要一同写出的文件夹（其“联网”界面在摘要旁显示该文件夹）；若是 {folder}，请从“设置”用同一日志（同一“仪式文件夹”）重新开始本仪式，读取 {folder} 中的参数包（“读取包”），并由每位见证人重新输入摘要。}}}}} other {{kind, select, wrapped {{folder} 中是已包装密钥材料包，由离线工作站写出：它的摘要打印在离线回执上，绝不是此处要输入的值。请联网工作站按其日志记录朗读导入参数包摘要（keyferry online status 会打印它），再由 {witness} 按听到的内容重新给出该值。} other {{other, select, yes {联网工作站朗读的是仪式 {bundleCeremony} 的参数包摘要；此处读取的包属于仪式 {ceremonyId}。请向联网工作站确认它正在进行哪个仪式。若是本仪式，请由它按日志记录朗读为 {ceremonyId} 写出的参数包的摘要（用该仪式的日志运行 keyferry online status 会打印它），并由每位见证人重新输入；若要改为处理仪式 {bundleCeremony}，请运行其联网工作站为它打印的命令，并使用该命令所指定的日志。} other {联网工作站朗读的是 {folder} 中参数包的摘要：每次运行 keyferry online params（或应用中写出参数包的步骤）都会写出一个有自己摘要的参数包，只应包装最后写出的那一个。请向联网工作站确认它与所朗读摘要一同写出的文件夹（keyferry online params 打印为“导入参数包已写入并验证：…”；应用在摘要旁显示该文件夹）；若是 {folder}，请从该参数包重新开始，并由每位见证人重新输入摘要：用 --bundle {folder} 重新运行命令，或在应用中从“设置”用同一日志重新开始本仪式，并读取 {folder} 中的参数包。}}}}}}',
  'problem.WITNESS_SOURCE_REFUSED': '只有演练才能用联网端自身的值代见证人确认；本次仪式不是演练。',
  'problem.WITNESS_SOURCE_REFUSED.next': '每位见证人输入从联网工作站朗读的值。',
  'problem.WITNESS_ATTEMPTS_EXHAUSTED':
    '{witness} 输入了 {attempts} 次，均与{artefact, select, bundle {导入参数包摘要（它约束 {count, plural, other {# 个密钥}}的包装密钥和导入令牌）} other {密钥 {keys} 的包装密钥指纹}}不符；仪式在此停止，本次会话不再核对任何输入值。尚未生成任何密钥材料。',
  'problem.WITNESS_ATTEMPTS_EXHAUSTED.next':
    '{surface, select, app {请核对联网工作站上的导入参数包摘要与带到此处的包：在联网工作站上按其日志记录再次朗读摘要（在其“日志”界面中写出参数包的那条记录：清单 SHA-256），不要从移动存储介质上的包读取，它可能正是被改动过的那个。一致后请在新会话中重新开始本端（点击界面上说明会话已停止之处的按钮），每位见证人在其中重新输入摘要（被拒绝的输入值和停止记录仍留在日志中）；否则请在联网工作站上重新获取导入参数。} other {请核对联网工作站上的导入参数包摘要与带到此处的包：在联网工作站上按其日志记录再次朗读摘要（keyferry online status 会打印它；不要从移动存储介质上的包读取，它可能正是被改动过的那个），并在此处用 keyferry bundle verify DIR --expect-digest "…" 按听到的摘要核对包。一致后再重新开始本端（在应用中：从界面说明会话已停止之处的按钮开始新会话；被拒绝的输入值仍留在日志中）；否则请重新获取导入参数。}}',
  'problem.WITNESS_CONFIRMATION_MISSING':
    '{count, plural, other {见证人 {pendingList}}} 尚未确认{artefactPhrase}；每位指定的见证人都须亲自确认，任何人都不能被跳过。尚未生成任何密钥材料。',
  'problem.WITNESS_CONFIRMATION_MISSING.next':
    '每位见证人输入从联网工作站朗读的值：在终端上按提示输入，或每位见证人各用一次 --witness-confirms "姓名=值"（控制台文件则每位见证人、每个指纹各一次）。',
  'problem.WITNESS_CONFIRMS_MALFORMED':
    '--witness-confirms 的格式是 姓名=值（一位见证人及其输入的导入参数包摘要），而不是“{value}”。',
  'problem.WITNESS_CONFIRMS_MALFORMED.next':
    '为每个 --witness 各给一次 --witness-confirms "姓名=XXXX XXXX …"，每次都是该见证人本人输入的值。',
  'problem.WITNESS_CONFIRMS_REFUSED':
    '{count} 位见证人输入的值被拒绝：{refusalsPhrases}。每次拒绝都已记入日志；未为 {witnessesList} 记录任何确认。',
  'problem.WITNESS_CONFIRMS_REFUSED.next':
    '{otherBundle, select, folder {他们输入的都是 {folder} 中参数包的摘要：联网工作站朗读的是该参数包的摘要，而每次运行 keyferry online params 都会写出一个自己的参数包。请向联网工作站确认它最后写出的文件夹（keyferry online params 打印为“导入参数包已写入并验证：…”）；若是 {folder}，请用 --bundle {folder} 重新运行命令，由每位见证人重新输入摘要。} ceremony {联网工作站朗读的是仪式 {bundleCeremony} 的参数包摘要；此处读取的包属于仪式 {ceremonyId}。请向联网工作站确认它正在进行哪个仪式。若是本仪式，请由它按日志记录朗读为 {ceremonyId} 写出的参数包的摘要（用该仪式的日志运行 keyferry online status 会打印它），并由每位见证人重新输入；若要改为处理仪式 {bundleCeremony}，请运行其联网工作站为它打印的命令，并使用该命令所指定的日志。} other {请联网工作站再朗读一遍导入参数包摘要（keyferry online params 在“IMPORT-PARAMETERS BUNDLE DIGEST”下打印的值），然后重新运行命令，由他们每人按听到的内容输入完整的值。如果仍有值不同，请停止：此处的包不是联网工作站写出的那个包。}}',
  'witness.refusal':
    '{witness} 输入的值{reason, select, slip {在{count, plural, other {第 {groupsList} 组}}（共 16 组）不同（该处输入的是 {typedList}）} mismatch {有 {count} 组（共 16 组）不同，不是输入笔误} fingerprint {是密钥 {keyId} 的包装密钥指纹，而不是导入参数包摘要} otherBundle {是 {folder} 中{kind, select, wrapped {已包装密钥材料包} other {参数包}}{other, select, yes {（另一仪式 {bundleCeremony} 的参数包）} other {}}的摘要，而不是此处读取的参数包的摘要} other {不是 16 组、每组 4 个十六进制数字的值}}',
  'problem.WITNESS_CONFIRMS_TWICE': '--witness-confirms 提到 {witness} 的次数多于需要确认的值。',
  'problem.WITNESS_CONFIRMS_TWICE.next':
    '每位见证人一次 --witness-confirms（控制台文件则每位见证人、每个指纹各一次）：一个值不能算作两个人的确认，一个人对每个值也只确认一次。',
  'problem.CLI_CONFIRM_FINGERPRINT_REPLACED':
    '--confirm-fingerprint 已取消：一个值被记作所有见证人的确认，并不能证明其他人核对过。',
  'problem.CLI_CONFIRM_FINGERPRINT_REPLACED.next':
    '每位见证人亲自输入导入参数包摘要：每个 --witness 各一次 --witness-confirms "姓名=摘要"，或在终端上按提示输入。',
  'problem.WITNESS_INPUT_ENDED':
    '在 {witness} 确认{artefactPhrase}之前输入就结束了；没有为 {witness} 记录任何内容。尚未生成任何密钥材料。',
  'problem.WITNESS_INPUT_ENDED.next':
    '请在终端上重新运行该命令，让每位见证人都能输入；或每位见证人各用一次 --witness-confirms "姓名=摘要"。',

  'witness.artefact.bundle': '导入参数包摘要（它约束 {count, plural, other {# 个密钥}}的包装密钥和导入令牌）',
  'witness.artefact.wrapping-key': '密钥 {keysList} 的包装密钥指纹',
  'witness.prompt.intro': '现在每位见证人与联网工作站朗读核对{artefactText}，并亲自输入：',
  'witness.prompt.bundle-intro':
    '联网工作站朗读其“导入参数包摘要”（16 组，每组 4 个，由 keyferry online params 打印）。此处不显示该值：每位见证人按听到的内容输入，此处读取的包的摘要必须与之完全相同。',
  'witness.fingerprints.heading': '包装密钥指纹（SHA-256），均受见证人输入的导入参数包摘要约束（如愿意也可逐一核对）：',
  'witness.prompt.ask': '  {witness}，请输入您听到的值：',
  'witness.prompt.empty': '  没有输入。{witness} 必须输入；此项不能跳过。',
  'witness.prompt.refused': '  {problem}（第 {attempt} 次，共 {max} 次）',
  'witness.prompt.confirmed': '  {witness} 已确认。',
  'witness.prompt.typed-hidden': '  （{witness} 已输入一个值；已从屏幕上擦除，以便下一位见证人只输入自己听到的内容。）',
  'witness.summary': '日志第 {seq} 条：{witness} 输入并确认了{artefactText}：{digest}',
  'witness.summary.rehearsal': '日志第 {seq} 条：演练：以联网端自身的值代 {witness} 确认了{artefactText}：{digest}',
  'fingerprint.typed-by': '已输入：{witnesses}。',
  'fingerprint.still-to-type': '尚未输入：{witnesses}。',
  'bundle-confirm.title': '导入参数包摘要',
  'bundle-confirm.intro':
    '联网工作站朗读其导入参数包摘要。在每位见证人都输入之前，此处不显示该值：每位见证人亲自按听到的内容输入。它约束包中 {count, plural, other {# 个密钥}}的每个包装密钥和导入令牌。',
  'bundle-confirm.hidden': '每位见证人都输入之前不显示。',
  'bundle-confirm.shown': '每位见证人都已输入；此处读取的包的摘要为：',
  'bundle-confirm.label': '导入参数包摘要',
  'bundle-confirm.typed-as': '{witness} 听到的包摘要',
  'bundle-confirm.witness': '正在输入的见证人',
  'bundle-confirm.all-confirmed': '每位见证人都已确认：{witnesses}。',
  'bundle-confirm.fingerprints':
    '{count, plural, other {# 个密钥}}的包装密钥指纹（均受该摘要约束；如愿意也可逐一核对）',
  'params.fingerprints.heading':
    '包装密钥指纹（SHA-256），仅供参考：下面的包摘要约束其中每一个，因此只需朗读这一个值：',
  'params.digest.heading':
    '导入参数包摘要：请向离线工作站朗读，每位见证人在那里输入（它约束包中的每个包装密钥和导入令牌）：',
  'import.digest.matches': '  包摘要 {digest}：与从离线回执输入的摘要一致',
  'digest.field.required':
    '必填。输入离线回执“封印”部分的“已包装密钥材料包摘要”（英文回执上为 “Wrapped-material bundle digest”）（16 组，每组 4 个）：只有摘要完全相同的包才会被导入。',
  'digest.field.progress': '已输入 {complete} 组（共 16 组）。',
  'digest.field.complete': '16 组已全部输入。',
  'digest.field.bad': '第 {group} 组含有非十六进制字符（0-9、A-F）。',
  'digest.field.extra': '多了 {extra, plural, other {# 位}}：摘要为 16 组，每组 4 个。',
};
