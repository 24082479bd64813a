<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own dialogs in Chinese: the strings Qt's qtbase_zh_CN catalogue lacks (the app's texts are Chinese
     at the source and need no catalogue). Loaded after qtbase_zh_CN, so it only fills gaps.
     tests/firsthour/test_3_readable.py opens every standard dialog the app uses and finds what is missing. -->
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>页面集(&amp;S)：</translation>
    </message>
</context>
</TS>
