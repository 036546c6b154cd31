<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Import files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Repair and add transcript files to the store</source>
        <translation>修复转写稿文件并加入资料库</translation>
    </message>
    <message>
        <source>Annotations as &amp;CSV…</source>
        <translation>标注导出为 &amp;CSV…</translation>
    </message>
    <message>
        <source>Export the document&apos;s annotations as CSV</source>
        <translation>将文档的标注导出为 CSV</translation>
    </message>
    <message>
        <source>Everything as &amp;JSON…</source>
        <translation>全部导出为 &amp;JSON…</translation>
    </message>
    <message>
        <source>Export the document with segments, edits and tags</source>
        <translation>导出文档及其片段、修改和标注</translation>
    </message>
    <message>
        <source>Repaired transcript as &amp;TXT…</source>
        <translation>修复后转写稿导出为 &amp;TXT…</translation>
    </message>
    <message>
        <source>Export the repaired transcript</source>
        <translation>导出修复后的转写稿</translation>
    </message>
    <message>
        <source>Repaired transcript as &amp;SRT…</source>
        <translation>修复后转写稿导出为 &amp;SRT…</translation>
    </message>
    <message>
        <source>Export the repaired transcript as subtitles</source>
        <translation>将修复后的转写稿导出为字幕</translation>
    </message>
    <message>
        <source>Repaired transcript as &amp;VTT…</source>
        <translation>修复后转写稿导出为 &amp;VTT…</translation>
    </message>
    <message>
        <source>Export the repaired transcript as WebVTT</source>
        <translation>将修复后的转写稿导出为 WebVTT</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Close the window (everything is already saved)</source>
        <translation>关闭窗口（所有内容均已保存）</translation>
    </message>
    <message>
        <source>&amp;Clear recent files</source>
        <translation>清除最近文件(&amp;C)</translation>
    </message>
    <message>
        <source>Forget the list of recently opened files</source>
        <translation>清空最近打开的文件列表</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find text in the original and repaired columns</source>
        <translation>在原文和修复后两列中查找文本</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <source>Next row matching the find text</source>
        <translation>下一个匹配查找文本的行</translation>
    </message>
    <message>
        <source>Find &amp;previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <source>Previous matching row</source>
        <translation>上一个匹配的行</translation>
    </message>
    <message>
        <source>Only rows with &amp;pending repairs</source>
        <translation>只显示有待定修复的行(&amp;P)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Filter by &amp;topic</source>
        <translation>按话题筛选(&amp;T)</translation>
    </message>
    <message>
        <source>Filter by the topic tree&apos;s topic</source>
        <translation>按话题树中选中的话题筛选</translation>
    </message>
    <message>
        <source>&amp;Clear filters</source>
        <translation>清除筛选(&amp;C)</translation>
    </message>
    <message>
        <source>Show every row again</source>
        <translation>重新显示所有行</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>Language and font size</source>
        <translation>界面语言和字号</translation>
    </message>
    <message>
        <source>&amp;Accept repair</source>
        <translation>接受修复(&amp;A)</translation>
    </message>
    <message>
        <source>Accept the selected repair (or the confident pending ones of the selected rows)</source>
        <translation>接受选中的修复（或选中各行中有把握的待定修复）</translation>
    </message>
    <message>
        <source>Accept repairs by &amp;confidence…</source>
        <translation>按置信度接受修复(&amp;C)…</translation>
    </message>
    <message>
        <source>Accept the selected rows&apos; (or the document&apos;s) pending repairs above a confidence</source>
        <translation>接受选中各行（或整个文档）中达到置信度的待定修复</translation>
    </message>
    <message>
        <source>&amp;Reject repair</source>
        <translation>拒绝修复(&amp;R)</translation>
    </message>
    <message>
        <source>Reject the selected repair (or all pending ones of the rows)</source>
        <translation>拒绝选中的修复（或所选行中所有待定的修复）</translation>
    </message>
    <message>
        <source>&amp;Edit repair…</source>
        <translation>编辑修复(&amp;E)…</translation>
    </message>
    <message>
        <source>Replace the selected repair&apos;s text with your own</source>
        <translation>用你自己的文字替换选中修复的文本</translation>
    </message>
    <message>
        <source>Use &amp;alternative</source>
        <translation>使用备选(&amp;A)</translation>
    </message>
    <message>
        <source>Use the reading chosen in the list</source>
        <translation>使用列表中选中的读法</translation>
    </message>
    <message>
        <source>Next &amp;unreviewed</source>
        <translation>下一个未审阅(&amp;U)</translation>
    </message>
    <message>
        <source>Next row with a repair waiting for a decision</source>
        <translation>下一个有修复等待决定的行</translation>
    </message>
    <message>
        <source>Previous unre&amp;viewed</source>
        <translation>上一个未审阅(&amp;V)</translation>
    </message>
    <message>
        <source>Previous row with a pending repair</source>
        <translation>上一个有待定修复的行</translation>
    </message>
    <message>
        <source>Next &amp;low-confidence repair</source>
        <translation>下一个低置信度修复(&amp;L)</translation>
    </message>
    <message>
        <source>Next row with an uncertain repair</source>
        <translation>下一个有不确定修复的行</translation>
    </message>
    <message>
        <source>Next &amp;error</source>
        <translation>下一个错误(&amp;E)</translation>
    </message>
    <message>
        <source>Next row tagged with an error</source>
        <translation>下一个标为错误的行</translation>
    </message>
    <message>
        <source>Previous e&amp;rror</source>
        <translation>上一个错误(&amp;R)</translation>
    </message>
    <message>
        <source>Previous row tagged with an error</source>
        <translation>上一个标为错误的行</translation>
    </message>
    <message>
        <source>Next row</source>
        <translation>下一行</translation>
    </message>
    <message>
        <source>Move down one row</source>
        <translation>向下移动一行</translation>
    </message>
    <message>
        <source>Previous row</source>
        <translation>上一行</translation>
    </message>
    <message>
        <source>Move up one row</source>
        <translation>向上移动一行</translation>
    </message>
    <message>
        <source>A&amp;greement between annotators…</source>
        <translation>标注者间一致性(&amp;G)…</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa and Krippendorff&apos;s alpha of this document&apos;s annotators</source>
        <translation>本文档各标注者之间的 Cohen kappa 与 Krippendorff alpha</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Show what other reviewers changed (it also comes by itself every few seconds)</source>
        <translation>显示其他审阅者的修改（每隔几秒也会自动更新）</translation>
    </message>
    <message>
        <source>Set &amp;speaker…</source>
        <translation>设置说话人(&amp;S)…</translation>
    </message>
    <message>
        <source>Say who speaks in the selected rows</source>
        <translation>指定所选行的说话人</translation>
    </message>
    <message>
        <source>Re&amp;name speaker…</source>
        <translation>重命名说话人(&amp;N)…</translation>
    </message>
    <message>
        <source>Give the speaker&apos;s label a name everywhere</source>
        <translation>在所有位置为说话人标签指定名字</translation>
    </message>
    <message>
        <source>Apply &amp;topic</source>
        <translation>应用话题(&amp;T)</translation>
    </message>
    <message>
        <source>Tag the selected rows (or selected text) with the tree&apos;s topic</source>
        <translation>用话题树中选中的话题标注所选行（或所选文本）</translation>
    </message>
    <message>
        <source>Topic by &amp;name…</source>
        <translation>按名称选择话题(&amp;N)…</translation>
    </message>
    <message>
        <source>Tag with a topic typed or chosen by name</source>
        <translation>用输入或按名称选择的话题进行标注</translation>
    </message>
    <message>
        <source>Mark &amp;error…</source>
        <translation>标记错误(&amp;E)…</translation>
    </message>
    <message>
        <source>Mark the selected text (or the row) as an error</source>
        <translation>将所选文本（或整行）标记为错误</translation>
    </message>
    <message>
        <source>E&amp;dit tag…</source>
        <translation>编辑标注(&amp;D)…</translation>
    </message>
    <message>
        <source>Change the error type, correction or note of the tag selected in the inspector</source>
        <translation>修改检查器中所选标注的错误类型、更正或备注</translation>
    </message>
    <message>
        <source>Select text in the &amp;cell</source>
        <translation>在单元格中选择文字(&amp;C)</translation>
    </message>
    <message>
        <source>Open the current row&apos;s repaired text for selecting a span (or double click a cell)</source>
        <translation>打开当前行的修复后文本以选择片段（或双击单元格）</translation>
    </message>
    <message>
        <source>Teach correction to &amp;glossary…</source>
        <translation>将更正加入术语表(&amp;G)…</translation>
    </message>
    <message>
        <source>Teach the selected error&apos;s correction (or repair) and mark its other occurrences</source>
        <translation>将选中错误的更正（或修复）加入术语表，并标记其他出现位置</translation>
    </message>
    <message>
        <source>Remove selected &amp;tags</source>
        <translation>删除所选标注(&amp;T)</translation>
    </message>
    <message>
        <source>Delete the tags selected in the inspector</source>
        <translation>删除检查器中选中的标注</translation>
    </message>
    <message>
        <source>&amp;New topic…</source>
        <translation>新建话题(&amp;N)…</translation>
    </message>
    <message>
        <source>Create a topic (A/B makes B under A)</source>
        <translation>新建话题（A/B 表示在 A 下建立 B）</translation>
    </message>
    <message>
        <source>&amp;Rename topic…</source>
        <translation>重命名话题(&amp;R)…</translation>
    </message>
    <message>
        <source>Rename the selected topic</source>
        <translation>重命名选中的话题</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>颜色(&amp;C)…</translation>
    </message>
    <message>
        <source>Choose the selected topic&apos;s colour</source>
        <translation>为选中的话题选择颜色</translation>
    </message>
    <message>
        <source>&amp;Move under…</source>
        <translation>移到…之下(&amp;M)</translation>
    </message>
    <message>
        <source>Put the selected topic under another one</source>
        <translation>将选中的话题移到另一个话题之下</translation>
    </message>
    <message>
        <source>Mer&amp;ge into…</source>
        <translation>合并到(&amp;G)…</translation>
    </message>
    <message>
        <source>Fold the selected topic into another one</source>
        <translation>将选中的话题合并到另一个话题</translation>
    </message>
    <message>
        <source>&amp;Suggest topics…</source>
        <translation>建议话题(&amp;S)…</translation>
    </message>
    <message>
        <source>Keywords of each stretch of the selected rows (or the document)</source>
        <translation>所选行（或整个文档）中每段内容的关键词</translation>
    </message>
    <message>
        <source>&amp;Taller rows</source>
        <translation>增加行高(&amp;T)</translation>
    </message>
    <message>
        <source>Show more lines of each segment</source>
        <translation>每个片段显示更多行</translation>
    </message>
    <message>
        <source>&amp;Shorter rows</source>
        <translation>减小行高(&amp;S)</translation>
    </message>
    <message>
        <source>Show fewer lines of each segment</source>
        <translation>每个片段显示更少行</translation>
    </message>
    <message>
        <source>Focus the &amp;table</source>
        <translation>聚焦到表格(&amp;T)</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the segments</source>
        <translation>将键盘焦点移到片段表格</translation>
    </message>
    <message>
        <source>Focus the &amp;documents</source>
        <translation>聚焦到文档列表(&amp;D)</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the documents</source>
        <translation>将键盘焦点移到文档列表</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>List every shortcut</source>
        <translation>列出所有快捷键</translation>
    </message>
    <message>
        <source>&amp;About Transcript Reviewer</source>
        <translation>关于 Transcript Reviewer(&amp;A)</translation>
    </message>
    <message>
        <source>Version and licence</source>
        <translation>版本和许可证</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审阅(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Tag</source>
        <translation>标注(&amp;T)</translation>
    </message>
    <message>
        <source>T&amp;opics</source>
        <translation>话题(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Correct text</source>
        <translation>更正文本(&amp;C)</translation>
    </message>
    <message>
        <source>Type into the current row&apos;s repaired text; Return keeps it as your own edit, Escape drops it</source>
        <translation>直接在当前行的修复文本中输入；回车保存为你自己的编辑，Esc 放弃</translation>
    </message>
    <message>
        <source>Apply the tag&apos;s &amp;correction</source>
        <translation>应用标签的更正(&amp;C)</translation>
    </message>
    <message>
        <source>Make the text say what the error tag selected in the inspector corrects it to</source>
        <translation>把文本改成检查器中所选错误标签给出的更正</translation>
    </message>
    <message>
        <source>Colour &amp;legend</source>
        <translation>颜色图例(&amp;L)</translation>
    </message>
    <message>
        <source>What the colours of the repaired text and the Tags column mean</source>
        <translation>修复文本和“标签”列中各颜色的含义</translation>
    </message>
    <message>
        <source>S&amp;plit row at cursor</source>
        <translation>在光标处拆分行(&amp;P)</translation>
    </message>
    <message>
        <source>Split the row in two where the cursor is in its text (F2 or Shift+F2 puts a cursor there)</source>
        <translation>在行文本的光标处将该行一分为二（F2 或 Shift+F2 可放置光标）</translation>
    </message>
    <message>
        <source>&amp;Merge with next row</source>
        <translation>与下一行合并(&amp;M)</translation>
    </message>
    <message>
        <source>Join the current row and the one after it into one</source>
        <translation>将当前行与下一行合并为一行</translation>
    </message>
    <message>
        <source>Repairs and corrections as CSV…</source>
        <translation>修复与更正导出为 CSV…</translation>
    </message>
    <message>
        <source>Export every edit of the document: the engine&apos;s repairs and your own corrections</source>
        <translation>导出文档的每一处编辑：引擎的修复和你自己的更正</translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <source>Agreement between annotators</source>
        <translation>标注者间一致性</translation>
    </message>
    <message>
        <source>{0}: segments one of the annotators tagged, compared per tag kind. α: Krippendorff&apos;s alpha (nominal) for the group; κ: Cohen&apos;s kappa for each pair.</source>
        <translation>{0}：按标注类别比较至少有一位标注者标注过的段落。α：全组的 Krippendorff alpha（名义尺度）；κ：每两人之间的 Cohen kappa。</translation>
    </message>
    <message>
        <source>Kind / pair</source>
        <translation>类别 / 两人</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>段落数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>说话人</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
</context>
<context>
    <name>BulkAcceptDialog</name>
    <message>
        <source>1 repair</source>
        <translation>1 处修复</translation>
    </message>
    <message>
        <source>{0} repairs</source>
        <translation>{0} 处修复</translation>
    </message>
    <message>
        <source>Accept repairs</source>
        <translation>接受修复</translation>
    </message>
    <message>
        <source>Pending repairs in {0}. Choose the kinds to accept and the least confidence of each; the others stay pending.</source>
        <translation>{0}中的待定修复。选择要接受的种类及各自的最低置信度；其余保持待定。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Confidence at least</source>
        <translation>置信度至少</translation>
    </message>
    <message>
        <source>Also accept {0} suggestions the repair did not apply</source>
        <translation>同时接受修复未应用的 {0} 条建议</translation>
    </message>
    <message>
        <source>Accept {0}; {1} stay pending.</source>
        <translation>接受{0}；{1} 处保持待定。</translation>
    </message>
    <message>
        <source>Accept {0}</source>
        <translation>接受 {0} 处</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Rename speaker {0} → {1}</source>
        <translation>将说话人 {0} 重命名为 {1}</translation>
    </message>
    <message>
        <source>New topic {0}</source>
        <translation>新建话题 {0}</translation>
    </message>
    <message>
        <source>Rename topic {0} → {1}</source>
        <translation>将话题 {0} 重命名为 {1}</translation>
    </message>
    <message>
        <source>Colour of topic {0}</source>
        <translation>话题 {0} 的颜色</translation>
    </message>
    <message>
        <source>Move topic {0}</source>
        <translation>移动话题 {0}</translation>
    </message>
    <message>
        <source>Merge topic {0} into {1}</source>
        <translation>将话题 {0} 合并到 {1}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by another reviewer</source>
        <translation>已被其他审阅者修改</translation>
    </message>
    <message>
        <source>Another reviewer deleted this tag while you were working on it.</source>
        <translation>在你处理这条标注时，另一位审阅者删除了它。</translation>
    </message>
    <message>
        <source>Another reviewer changed this tag while you were working on it. Which version stays?</source>
        <translation>在你处理这条标注时，另一位审阅者修改了它。保留哪个版本？</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Theirs (stored now)</source>
        <translation>对方的（当前已保存）</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>你的</translation>
    </message>
    <message>
        <source>Use mine</source>
        <translation>用我的</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>保留对方的</translation>
    </message>
    <message>
        <source>(delete it)</source>
        <translation>（删除）</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标注</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Mark error</source>
        <translation>标记错误</translation>
    </message>
    <message>
        <source>what the text should say (optional)</source>
        <translation>正确的文本应该是（可选）</translation>
    </message>
    <message>
        <source>Teach to the glossary and preview its other occurrences</source>
        <translation>加入术语表并预览其他出现位置</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文本：</translation>
    </message>
    <message>
        <source>Error type:</source>
        <translation>错误类型：</translation>
    </message>
    <message>
        <source>Correction:</source>
        <translation>更正：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in original and repaired text…</source>
        <translation>在原文和修复后文本中查找…</translation>
    </message>
    <message>
        <source>Show the tags of one annotator, or everyone&apos;s</source>
        <translation>只显示某一位标注者的标注，或显示所有人的</translation>
    </message>
    <message>
        <source>Regex</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <source>Only matching rows</source>
        <translation>只显示匹配的行</translation>
    </message>
    <message>
        <source>Pending repairs</source>
        <translation>待定修复</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <source>All speakers</source>
        <translation>所有说话人</translation>
    </message>
    <message>
        <source>All topics</source>
        <translation>所有话题</translation>
    </message>
    <message>
        <source>All errors</source>
        <translation>所有错误</translation>
    </message>
    <message>
        <source>Everyone&apos;s tags</source>
        <translation>所有人的标注</translation>
    </message>
</context>
<context>
    <name>ImportProblemsDialog</name>
    <message>
        <source>Files not imported</source>
        <translation>未导入的文件</translation>
    </message>
    <message>
        <source>{0} file(s) could not be imported; nothing of them was stored:</source>
        <translation>{0} 个文件无法导入，其内容均未存储：</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>Repair</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>Conf.</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>Other readings of a lost-byte repair</source>
        <translation>丢失字节修复的其他读法</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>On</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Correction / note</source>
        <translation>更正 / 备注</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>修复后</translation>
    </message>
    <message>
        <source>Repairs</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>No segment selected</source>
        <translation>未选中片段</translation>
    </message>
    <message>
        <source>Segment {0}</source>
        <translation>片段 {0}</translation>
    </message>
    <message>
        <source>source lines {0}–{1}</source>
        <translation>源文件第 {0}–{1} 行</translation>
    </message>
    <message>
        <source>source line {0}</source>
        <translation>源文件第 {0} 行</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <source>topic</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>repaired</source>
        <translation>修复后</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>suggested</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已改动</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>(top level)</source>
        <translation>（顶层）</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Speaker {0}</source>
        <translation>说话人 {0}</translation>
    </message>
    <message>
        <source>Speaker &amp;quick keys</source>
        <translation>说话人快捷键(&amp;Q)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>{0}: {1} segments</source>
        <translation>{0}：{1} 个片段</translation>
    </message>
    <message>
        <source>Import transcripts</source>
        <translation>导入转写稿</translation>
    </message>
    <message>
        <source>Transcripts (*.txt *.srt *.vtt *.md);;All files (*)</source>
        <translation>转写稿 (*.txt *.srt *.vtt *.md);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported {0} file(s)</source>
        <translation>已导入 {0} 个文件</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation>（已取消）</translation>
    </message>
    <message>
        <source>{0} not imported</source>
        <translation>{0} 个未导入</translation>
    </message>
    <message>
        <source>{0} is no longer there</source>
        <translation>{0} 已不存在</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Exported {0} ({1})</source>
        <translation>已导出 {0}（{1}）</translation>
    </message>
    <message>
        <source>bad pattern: {0}</source>
        <translation>无效的表达式：{0}</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>第 {0} 个，共 {1} 个</translation>
    </message>
    <message>
        <source>{0} of {1} rows shown</source>
        <translation>显示 {0} / {1} 行</translation>
    </message>
    <message>
        <source>the {0} selected rows</source>
        <translation>选中的 {0} 行</translation>
    </message>
    <message>
        <source>the whole document</source>
        <translation>整个文档</translation>
    </message>
    <message>
        <source>No pending repairs in {0}</source>
        <translation>{0}中没有待定的修复</translation>
    </message>
    <message>
        <source>No pending repairs in the selected rows</source>
        <translation>选中的行中没有待定的修复</translation>
    </message>
    <message>
        <source>Accepted {0}</source>
        <translation>已接受{0}</translation>
    </message>
    <message>
        <source>{0} left pending</source>
        <translation>{0} 处仍待定</translation>
    </message>
    <message>
        <source> ({0} suggestions: pick them in the inspector to accept)</source>
        <translation>（{0} 条建议：在检查器中选中即可接受）</translation>
    </message>
    <message>
        <source>Reject repairs</source>
        <translation>拒绝修复</translation>
    </message>
    <message>
        <source>Reject {0} pending repairs in {1} rows ({2})?</source>
        <translation>拒绝 {1} 行中的 {0} 处待定修复（{2}）？</translation>
    </message>
    <message>
        <source>Edit repair</source>
        <translation>编辑修复</translation>
    </message>
    <message>
        <source>Replace «{0}» with:</source>
        <translation>将「{0}」替换为：</translation>
    </message>
    <message>
        <source>No {0}</source>
        <translation>没有{0}</translation>
    </message>
    <message>
        <source>unreviewed rows</source>
        <translation>未审阅的行</translation>
    </message>
    <message>
        <source>low-confidence repairs</source>
        <translation>低置信度修复</translation>
    </message>
    <message>
        <source>errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Set speaker</source>
        <translation>设置说话人</translation>
    </message>
    <message>
        <source>Who speaks in the {0} selected row(s)?</source>
        <translation>所选 {0} 行的说话人是谁？</translation>
    </message>
    <message>
        <source>this document has no speakers yet: set one first (S)</source>
        <translation>此文档还没有说话人：请先设置一个（S）</translation>
    </message>
    <message>
        <source>Rename speaker</source>
        <translation>重命名说话人</translation>
    </message>
    <message>
        <source>Name for {0} everywhere in this document:</source>
        <translation>在本文档所有位置将 {0} 命名为：</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>Topic (A/B for B under A; a new path is created):</source>
        <translation>话题（A/B 表示 A 下的 B；不存在的路径会新建）：</translation>
    </message>
    <message>
        <source>{0} text {1}:{2} of segment {3}</source>
        <translation>片段 {3} 的{0}文本 {1}:{2}</translation>
    </message>
    <message>
        <source>the whole of segment {0}</source>
        <translation>整个片段 {0}</translation>
    </message>
    <message>
        <source>select an error with a correction, or a repair, in the inspector</source>
        <translation>请在检查器中选择一个带更正的错误或一处修复</translation>
    </message>
    <message>
        <source>select a tag in the inspector to edit it</source>
        <translation>请先在检查器中选择要编辑的标注</translation>
    </message>
    <message>
        <source>tag on segment {0}</source>
        <translation>段落 {0} 上的标注</translation>
    </message>
    <message>
        <source>Edit tag</source>
        <translation>编辑标注</translation>
    </message>
    <message>
        <source>Note on {0}:</source>
        <translation>{0} 的备注：</translation>
    </message>
    <message>
        <source>Updated with other reviewers&apos; changes</source>
        <translation>已更新其他审阅者的修改</translation>
    </message>
    <message>
        <source>New topic</source>
        <translation>新建话题</translation>
    </message>
    <message>
        <source>Topic path (A/B makes B under A):</source>
        <translation>话题路径（A/B 表示在 A 下建立 B）：</translation>
    </message>
    <message>
        <source>Rename topic</source>
        <translation>重命名话题</translation>
    </message>
    <message>
        <source>New name for {0}:</source>
        <translation>{0} 的新名称：</translation>
    </message>
    <message>
        <source>Move topic</source>
        <translation>移动话题</translation>
    </message>
    <message>
        <source>Put {0} under:</source>
        <translation>将 {0} 移到以下话题之下：</translation>
    </message>
    <message>
        <source>Merge topic</source>
        <translation>合并话题</translation>
    </message>
    <message>
        <source>Fold {0} (its tags and subtopics) into:</source>
        <translation>将 {0}（及其标注和子话题）合并到：</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>你的名字</translation>
    </message>
    <message>
        <source>Your name as an annotator (stored with every tag you make; change it in Preferences):</source>
        <translation>你作为标注者的名字（会随你做的每条标注一起保存；可在首选项中修改）：</translation>
    </message>
    <message>
        <source>About {0}</source>
        <translation>关于 {0}</translation>
    </message>
    <message>
        <source>Review, repair and annotate transcripts side by side with their repaired text.
Store: {0}</source>
        <translation>对照修复后的文本审阅、修复并标注转写稿。
资料库：{0}</translation>
    </message>
    <message>
        <source>select an error tag with a correction in the inspector</source>
        <translation>请在检查器中选择一个带更正的错误标签</translation>
    </message>
    <message>
        <source>Repairs queue</source>
        <translation>修复队列</translation>
    </message>
    <message>
        <source>a repair the engine is sure of, not reviewed yet</source>
        <translation>引擎有把握的修复，尚未审阅</translation>
    </message>
    <message>
        <source>a repair it is unsure of (low confidence): look again</source>
        <translation>引擎没把握的修复（低置信度）：请再看一遍</translation>
    </message>
    <message>
        <source>a repair you accepted or rewrote</source>
        <translation>你已接受或改写的修复</translation>
    </message>
    <message>
        <source>your own text: typed, or carried from a correction</source>
        <translation>你自己的文本：手动输入，或由更正传播而来</translation>
    </message>
    <message>
        <source>in the Tags column: N repairs of the row wait for a decision</source>
        <translation>在“标签”列中：该行有 N 个修复待决定</translation>
    </message>
    <message>
        <source>Colour legend</source>
        <translation>颜色图例</translation>
    </message>
    <message>
        <source>Put the cursor where the row should be split, then press {0} again</source>
        <translation>把光标放到要拆分的位置，然后再按一次 {0}</translation>
    </message>
    <message>
        <source>Keep (Return) or drop (Escape) what you typed before splitting</source>
        <translation>拆分前请先保存（回车）或放弃（Esc）你输入的内容</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>accept or change the repair first: the text does not say it</source>
        <translation>请先接受或改写这处修复：文本里还不是这样</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <source>mojibake</source>
        <translation>乱码</translation>
    </message>
    <message>
        <source>normalize</source>
        <translation>规范化</translation>
    </message>
    <message>
        <source>speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>聊天记录</translation>
    </message>
    <message>
        <source>timestamped</source>
        <translation>带时间戳</translation>
    </message>
    <message>
        <source>plain</source>
        <translation>纯文本</translation>
    </message>
    <message>
        <source>SRT</source>
        <translation>SRT 字幕</translation>
    </message>
    <message>
        <source>WebVTT</source>
        <translation>WebVTT 字幕</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>Stored with every tag you make, so a team can tell its reviewers apart</source>
        <translation>随你做的每条标注一起保存，团队可以据此区分审阅者</translation>
    </message>
    <message>
        <source>Your name as annotator:</source>
        <translation>你的标注者名字：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <source>Transcript font size:</source>
        <translation>转写稿字号：</translation>
    </message>
    <message>
        <source>After a decision, go to the next pending repair</source>
        <translation>做出决定后跳到下一处待定修复</translation>
    </message>
</context>
<context>
    <name>PropagateDialog</name>
    <message>
        <source>Correct elsewhere too</source>
        <translation>在其他地方也更正</translation>
    </message>
    <message>
        <source>Also in &amp;every other document</source>
        <translation>也在其他所有文档中(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Teach «{0} =&gt; {1}» to the glossary</source>
        <translation>将 «{0} =&gt; {1}» 加入术语表(&amp;T)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>找到</translation>
    </message>
    <message>
        <source>In context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Only here</source>
        <translation>仅此处(&amp;O)</translation>
    </message>
    <message>
        <source>corrected by hand</source>
        <translation>已手动更正</translation>
    </message>
    <message>
        <source>one character: check each</source>
        <translation>单个字：请逐一核对</translation>
    </message>
    <message>
        <source>a word of its own elsewhere</source>
        <translation>在别处是一个正常的词</translation>
    </message>
    <message>
        <source>inside a word</source>
        <translation>在一个词内部</translation>
    </message>
    <message>
        <source>a distant variant</source>
        <translation>相差较远的变体</translation>
    </message>
    <message>
        <source>(The first {0}: there may be more.)</source>
        <translation>（前 {0} 处：可能还有更多。）</translation>
    </message>
    <message>
        <source>«{0}» → «{1}»: {2} other place(s) in this document.</source>
        <translation>«{0}» → «{1}»：本文档中另有 {2} 处。</translation>
    </message>
    <message>
        <source>{0} in other documents.</source>
        <translation>其他文档中 {0} 处。</translation>
    </message>
    <message>
        <source>Looking in the other documents…</source>
        <translation>正在其他文档中查找…</translation>
    </message>
</context>
<context>
    <name>RepairsQueue</name>
    <message>
        <source>Pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Any decision</source>
        <translation>任何决定</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已改写</translation>
    </message>
    <message>
        <source>conf. ≤ </source>
        <translation>置信度 ≤ </translation>
    </message>
    <message>
        <source>Accept all &amp;shown</source>
        <translation>接受全部显示项(&amp;S)</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>{0} of {1} edits</source>
        <translation>{0} / {1} 个编辑</translation>
    </message>
</context>
<context>
    <name>RepairsQueueModel</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>Conf.</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Topic {0}</source>
        <translation>话题 {0}</translation>
    </message>
    <message>
        <source>Error {0}</source>
        <translation>错误 {0}</translation>
    </message>
    <message>
        <source>Speaker {0} for {1} segments</source>
        <translation>将 {1} 个片段的说话人设为 {0}</translation>
    </message>
    <message>
        <source>Speaker {0} for {1} segment</source>
        <translation>将 {1} 个片段的说话人设为 {0}</translation>
    </message>
    <message>
        <source>Remove {0} tags</source>
        <translation>删除 {0} 个标注</translation>
    </message>
    <message>
        <source>Remove {0} tag</source>
        <translation>删除 {0} 个标注</translation>
    </message>
    <message>
        <source>Accept {0} repair</source>
        <translation>接受 {0} 处修复</translation>
    </message>
    <message>
        <source>Accept {0} repairs</source>
        <translation>接受 {0} 处修复</translation>
    </message>
    <message>
        <source>Reject {0} repair</source>
        <translation>拒绝 {0} 处修复</translation>
    </message>
    <message>
        <source>Reject {0} repairs</source>
        <translation>拒绝 {0} 处修复</translation>
    </message>
    <message>
        <source>Change {0} repair</source>
        <translation>改动 {0} 处修复</translation>
    </message>
    <message>
        <source>Change {0} repairs</source>
        <translation>改动 {0} 处修复</translation>
    </message>
    <message>
        <source>Reset {0} repair</source>
        <translation>重置 {0} 处修复</translation>
    </message>
    <message>
        <source>Reset {0} repairs</source>
        <translation>重置 {0} 处修复</translation>
    </message>
    <message>
        <source>Edit tag {0}</source>
        <translation>编辑标注 {0}</translation>
    </message>
    <message>
        <source>Computing agreement</source>
        <translation>正在计算一致性</translation>
    </message>
    <message>
        <source>Finding topic suggestions</source>
        <translation>正在查找话题建议</translation>
    </message>
    <message>
        <source>Looking for {0} in every document</source>
        <translation>正在所有文档中查找 {0}</translation>
    </message>
    <message>
        <source>Correct segment {0} and {1} other place(s)</source>
        <translation>更正片段 {0} 及其他 {1} 处</translation>
    </message>
    <message>
        <source>Correct segment {0}</source>
        <translation>更正片段 {0}</translation>
    </message>
    <message>
        <source>this tag has no correction to apply</source>
        <translation>这个标签没有可应用的更正</translation>
    </message>
    <message>
        <source>the tag&apos;s segment is not shown</source>
        <translation>标签所在的片段未显示</translation>
    </message>
    <message>
        <source>the tag marks the original text; mark the repaired text to correct it</source>
        <translation>标签标在原文上；请标注修复后的文本再更正</translation>
    </message>
    <message>
        <source>the tag&apos;s text changed since it was made; check it first</source>
        <translation>标签创建后其文本已改变；请先检查</translation>
    </message>
    <message>
        <source>the text says that already</source>
        <translation>文本已经是这样了</translation>
    </message>
    <message>
        <source>Apply correction «{0}»</source>
        <translation>应用更正 «{0}»</translation>
    </message>
    <message>
        <source>the correction could not be applied</source>
        <translation>无法应用更正</translation>
    </message>
    <message>
        <source>Split segment {0}</source>
        <translation>拆分片段 {0}</translation>
    </message>
    <message>
        <source>its line&apos;s timestamp</source>
        <translation>取自该行的时间戳</translation>
    </message>
    <message>
        <source>as given</source>
        <translation>按给定时间</translation>
    </message>
    <message>
        <source>estimated from its share of the segment&apos;s characters</source>
        <translation>按字符在片段中所占比例估算</translation>
    </message>
    <message>
        <source>Split segment {0}; the new row has no time</source>
        <translation>已拆分片段 {0}；新行没有时间</translation>
    </message>
    <message>
        <source>Split segment {0}; the new row starts at {1} ({2})</source>
        <translation>已拆分片段 {0}；新行从 {1} 开始（{2}）</translation>
    </message>
    <message>
        <source>Merge segments {0} and {1}</source>
        <translation>合并片段 {0} 和 {1}</translation>
    </message>
</context>
<context>
    <name>SegmentTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>修复后</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Source lines {0} ({1} merged)</source>
        <translation>源文件第 {0} 行（合并了 {1} 行）</translation>
    </message>
    <message>
        <source>Source line {0}</source>
        <translation>源文件第 {0} 行</translation>
    </message>
    <message>
        <source>{0} repair(s) of this row wait for a decision (✎)</source>
        <translation>该行有 {0} 个修复待决定（✎）</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>TaskIndicator</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop this work; what it had not finished is not kept</source>
        <translation>停止这项工作；未完成的部分不会保留</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>TeachOffer</name>
    <message>
        <source>Teach…</source>
        <translation>教给术语表…</translation>
    </message>
    <message>
        <source>Add it to the glossary and preview its other occurrences in every document</source>
        <translation>加入术语表，并预览它在所有文档中的其他出现位置</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <source>Teach «{0}» → «{1}» to the glossary and mark its other occurrences?</source>
        <translation>把「{0}」→「{1}」教给术语表，并标记它的其他出现位置吗？</translation>
    </message>
</context>
<context>
    <name>TopicSuggestionsDialog</name>
    <message>
        <source>Topic suggestions</source>
        <translation>话题建议</translation>
    </message>
    <message>
        <source>Salient keywords of each stretch of segments. Check the ones that are topics and press Apply, or double-click one to apply it at once. Each becomes a topic under “{0}” on the segments of its stretch.</source>
        <translation>每段连续片段中的关键词。勾选属于话题的关键词后按“应用”，或双击某个关键词立即应用。每个关键词都会成为“{0}”下的话题，标注在它所在的那段片段上。</translation>
    </message>
    <message>
        <source>Segments / keyword</source>
        <translation>片段 / 关键词</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Segments {0}</source>
        <translation>片段 {0}</translation>
    </message>
    <message>
        <source>Double-click: apply {0} to segments {1}</source>
        <translation>双击：将 {0} 应用到片段 {1}</translation>
    </message>
    <message>
        <source>&amp;Apply checked</source>
        <translation>应用勾选项(&amp;A)</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>已应用</translation>
    </message>
</context>
<context>
    <name>TopicTreeModel</name>
    <message>
        <source>Topic</source>
        <translation>话题</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>使用次数</translation>
    </message>
</context>
</TS>
