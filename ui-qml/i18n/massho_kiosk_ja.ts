<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>DeviceCard</name>
    <message>
        <location filename="../qml/DeviceCard.qml" line="43"/>
        <source>Serial</source>
        <translation>シリアル番号</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="52"/>
        <source>Can be erased</source>
        <translation>消去できます</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="60"/>
        <source>Erase…</source>
        <translation>消去…</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="61"/>
        <source>Erase</source>
        <translation>消去</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/HomeScreen.qml" line="24"/>
        <source>Signed in as %1</source>
        <translation>%1 でログイン中</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="33"/>
        <source>Log out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="42"/>
        <source>Attached media</source>
        <translation>接続されている媒体</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="49"/>
        <source>No medium is attached. Plug in a drive or a USB stick.</source>
        <translation>媒体が接続されていません。ドライブまたはUSBメモリを接続してください。</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../qml/JobsPanel.qml" line="15"/>
        <source>Erasing</source>
        <translation>消去中</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="16"/>
        <source>Verifying</source>
        <translation>検証中</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="17"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="18"/>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="19"/>
        <source>Cancelled</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="20"/>
        <source>Interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="30"/>
        <source>%1 min left</source>
        <translation>残り約 %1 分</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="35"/>
        <source>Jobs</source>
        <translation>作業</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="71"/>
        <source>pass %1/%2</source>
        <translation>パス %1/%2</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="95"/>
        <source>Register entry %1</source>
        <translation>台帳記録 %1</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../qml/Keypad.qml" line="43"/>
        <source>abc</source>
        <translation>abc</translation>
    </message>
    <message>
        <location filename="../qml/Keypad.qml" line="43"/>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <location filename="../qml/Keypad.qml" line="45"/>
        <source>Shift</source>
        <translation>シフト</translation>
    </message>
    <message>
        <location filename="../qml/Keypad.qml" line="49"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../qml/LoginScreen.qml" line="43"/>
        <location filename="../qml/LoginScreen.qml" line="70"/>
        <location filename="../qml/LoginScreen.qml" line="71"/>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="51"/>
        <location filename="../qml/LoginScreen.qml" line="52"/>
        <source>User ID</source>
        <translation>ユーザーID</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="59"/>
        <location filename="../qml/LoginScreen.qml" line="61"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="70"/>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="11"/>
        <source>Massho</source>
        <translation>抹消</translation>
    </message>
</context>
<context>
    <name>massho::kiosk::ApplianceClient</name>
    <message>
        <location filename="../appliance_client.cpp" line="47"/>
        <source>The appliance service cannot be reached. Ask the administrator to check masshod.</source>
        <translation>消去装置のサービスに接続できません。管理者に masshod の確認を依頼してください。</translation>
    </message>
</context>
</TS>
