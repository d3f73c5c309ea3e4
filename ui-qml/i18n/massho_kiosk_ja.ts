<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ApprovalStep</name>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="36"/>
        <source>Approved</source>
        <translation>承認されました</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="37"/>
        <source>Rejected</source>
        <translation>却下されました</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="37"/>
        <source>Waiting for approval</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="45"/>
        <source>Request %1</source>
        <translation>申請 %1</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="51"/>
        <source>The data manager approved it. Press Erase now to start.</source>
        <translation>データ管理者が承認しました。「今すぐ消去」を押すと始まります。</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="52"/>
        <source>The data manager rejected it. The medium was not erased; close this and ask them why.</source>
        <translation>データ管理者が却下しました。媒体は消去されていません。この画面を閉じ、理由をデータ管理者に確認してください。</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="53"/>
        <source>A data manager must approve this erasure. They can log in here as the second person, or approve it later from their own queue; then press Erase now.</source>
        <translation>この消去にはデータ管理者の承認が必要です。データ管理者がここで二人目としてログインして承認するか、後で自分の承認待ち一覧から承認します。承認後に「今すぐ消去」を押してください。</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="65"/>
        <source>Approve</source>
        <translation>承認する</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="71"/>
        <source>Reject</source>
        <translation>却下する</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="73"/>
        <source>rejected at the kiosk</source>
        <translation>端末で却下</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="90"/>
        <source>Erase now</source>
        <translation>今すぐ消去</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="98"/>
        <source>Data manager: log in here to decide.</source>
        <translation>データ管理者の方は、ここでログインして判断してください。</translation>
    </message>
</context>
<context>
    <name>CarryInScreen</name>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="18"/>
        <location filename="../qml/CarryInScreen.qml" line="40"/>
        <source>Carry in %1</source>
        <translation>返却：%1</translation>
    </message>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="50"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="50"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="51"/>
        <source>Close the carry-in screen</source>
        <translation>返却の画面を閉じる</translation>
    </message>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="66"/>
        <source>How did it come back?</source>
        <translation>どのような状態で戻りましたか？</translation>
    </message>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="73"/>
        <source>Intact</source>
        <translation>異常なし</translation>
    </message>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="74"/>
        <source>Seal broken</source>
        <translation>封印が破れている</translation>
    </message>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="75"/>
        <source>Damaged</source>
        <translation>破損あり</translation>
    </message>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="79"/>
        <source>Erase it now?</source>
        <translation>今すぐ消去しますか？</translation>
    </message>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="88"/>
        <source>Crypto-erase it now (recommended)</source>
        <translation>今すぐ暗号消去する（推奨）</translation>
    </message>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="89"/>
        <source>Record the return only</source>
        <translation>返却の記録だけ行う</translation>
    </message>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="94"/>
        <source>The encrypted package&apos;s keys are destroyed, then the whole medium is overwritten. Both are recorded.</source>
        <translation>暗号化されたパッケージの鍵を破棄し、その後媒体全体を上書きします。どちらも記録されます。</translation>
    </message>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="95"/>
        <source>The medium keeps what was written on it. Erase it before it is used again.</source>
        <translation>媒体には書き込まれた内容が残ります。再び使う前に消去してください。</translation>
    </message>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="103"/>
        <source>Asking the appliance…</source>
        <translation>装置に問い合わせ中…</translation>
    </message>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="103"/>
        <source>Record the return</source>
        <translation>返却を記録する</translation>
    </message>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="122"/>
        <source>Last 4 characters of the serial</source>
        <translation>シリアル番号の末尾4文字</translation>
    </message>
    <message>
        <location filename="../qml/CarryInScreen.qml" line="123"/>
        <source>Last 4 characters of the device name</source>
        <translation>デバイス名の末尾4文字</translation>
    </message>
</context>
<context>
    <name>CarryOutWizard</name>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="20"/>
        <location filename="../qml/CarryOutWizard.qml" line="84"/>
        <source>Carry out on %1</source>
        <translation>持ち出し：%1</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="94"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="94"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="95"/>
        <source>Close the carry-out wizard</source>
        <translation>持ち出しの画面を閉じる</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="113"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="120"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="135"/>
        <source>What is carried out?</source>
        <translation>何を持ち出しますか？</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="142"/>
        <location filename="../qml/CarryOutWizard.qml" line="303"/>
        <source>Asking the appliance…</source>
        <translation>装置に問い合わせ中…</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="144"/>
        <source>No folder is allowed for carry-out, or the allowed folders are empty. Ask an administrator to allow one.</source>
        <translation>持ち出しが許可されたフォルダーがないか、許可されたフォルダーが空です。管理者にフォルダーの許可を依頼してください。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="146"/>
        <source>Only the first 200 entries of a folder are shown. Put the files in a folder of their own and choose the folder.</source>
        <translation>フォルダーごとに最初の200件だけを表示しています。ファイルを専用のフォルダーにまとめ、そのフォルダーを選んでください。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="159"/>
        <source>Files and folders that may be carried out</source>
        <translation>持ち出してよいファイルとフォルダー</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="170"/>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="192"/>
        <source>Who receives it?</source>
        <translation>受け取り先はどこですか？</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="198"/>
        <source>The key book has no receiving office. Ask an administrator to add the office&apos;s key.</source>
        <translation>鍵台帳に受け取り先がありません。管理者に受け取り先の鍵の登録を依頼してください。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="222"/>
        <source>Which class of information is it?</source>
        <translation>情報の区分はどれですか？</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="229"/>
        <source>Class %1</source>
        <translation>区分 %1</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="233"/>
        <source>Classes 1 and 2 hold important information. If unsure, ask your data manager.</source>
        <translation>区分1と区分2は重要な情報です。分からない場合はデータ管理者に確認してください。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="250"/>
        <source>The media ledger knows this medium as %1.</source>
        <translation>媒体管理台帳では、この媒体の管理番号は %1 です。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="251"/>
        <source>Type the asset tag on the medium&apos;s label. A medium not in the media ledger is registered under it.</source>
        <translation>媒体のラベルにある管理番号を入力してください。台帳にない媒体は、この番号で登録されます。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="258"/>
        <source>Asset tag</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="276"/>
        <source>Files: %1</source>
        <translation>ファイル：%1</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="277"/>
        <source>To: %1</source>
        <translation>受け取り先：%1</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="278"/>
        <source>Class: %1</source>
        <translation>区分：%1</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="279"/>
        <source>Asset tag: %1</source>
        <translation>管理番号：%1</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="286"/>
        <source>The medium is erased first, then the files are written to it encrypted for the receiving office only.</source>
        <translation>まず媒体を消去し、その後ファイルを受け取り先だけが開けるよう暗号化して書き込みます。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="295"/>
        <source>A data manager must approve this carry-out first.</source>
        <translation>この持ち出しには、先にデータ管理者の承認が必要です。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="304"/>
        <source>Ask for approval</source>
        <translation>承認を申請する</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="304"/>
        <location filename="../qml/CarryOutWizard.qml" line="337"/>
        <source>Carry out now</source>
        <translation>今すぐ持ち出す</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="323"/>
        <source>Last 4 characters of the serial</source>
        <translation>シリアル番号の末尾4文字</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="324"/>
        <source>Last 4 characters of the device name</source>
        <translation>デバイス名の末尾4文字</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="338"/>
        <source>A data manager must approve this carry-out. They can log in here as the second person, or approve it later from their own queue; then press Carry out now.</source>
        <translation>この持ち出しにはデータ管理者の承認が必要です。データ管理者はここに二人目としてログインするか、後で自分の承認待ち一覧から承認できます。承認されたら「今すぐ持ち出す」を押してください。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="339"/>
        <source>The data manager approved it. Press Carry out now to start.</source>
        <translation>データ管理者が承認しました。「今すぐ持ち出す」を押して開始してください。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="340"/>
        <source>The data manager rejected it. Nothing was written; close this and ask them why.</source>
        <translation>データ管理者が却下しました。何も書き込まれていません。この画面を閉じて、理由を確認してください。</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../qml/ConfirmDialog.qml" line="10"/>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../qml/ConfirmDialog.qml" line="11"/>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
</context>
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
    <message>
        <location filename="../qml/DeviceCard.qml" line="74"/>
        <source>Carry out…</source>
        <translation>持ち出し…</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="75"/>
        <source>Carry out</source>
        <translation>持ち出し</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="81"/>
        <source>Carry in…</source>
        <translation>返却…</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="82"/>
        <source>Carry in</source>
        <translation>返却</translation>
    </message>
</context>
<context>
    <name>EraseWizard</name>
    <message>
        <location filename="../qml/EraseWizard.qml" line="20"/>
        <location filename="../qml/EraseWizard.qml" line="81"/>
        <source>Erase %1</source>
        <translation>%1 を消去</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="58"/>
        <source>NIST SP 800-88 Purge: the data cannot be recovered even with laboratory tools.</source>
        <translation>NIST SP 800-88「除去（Purge）」：専門の解析設備を使ってもデータを復元できません。</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="59"/>
        <source>NIST SP 800-88 Clear: the data cannot be recovered with ordinary tools.</source>
        <translation>NIST SP 800-88「消去（Clear）」：一般的な道具ではデータを復元できません。</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="61"/>
        <source>Not a NIST SP 800-88 sanitization level for this medium.</source>
        <translation>この媒体では NIST SP 800-88 の消去水準に当たりません。</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="65"/>
        <source>Reuse in the office</source>
        <translation>庁内で再利用</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="66"/>
        <source>Disposal</source>
        <translation>廃棄</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="67"/>
        <source>Return to the lessor</source>
        <translation>リース返却</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="82"/>
        <source>Serial</source>
        <translation>シリアル番号</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="92"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="92"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="93"/>
        <source>Close the erase wizard</source>
        <translation>消去の手続きを閉じる</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="111"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="118"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="133"/>
        <source>Why is it erased?</source>
        <translation>消去する目的は何ですか？</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="146"/>
        <source>Which class of information did it hold?</source>
        <translation>どの区分の情報が入っていましたか？</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="153"/>
        <source>Class %1</source>
        <translation>区分 %1</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="158"/>
        <source>The media ledger records this medium as class %1.</source>
        <translation>媒体管理台帳では、この媒体は区分 %1 として記録されています。</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="159"/>
        <source>Classes 1 and 2 hold important information. If unsure, ask your data manager.</source>
        <translation>区分1と区分2は重要な情報です。分からない場合はデータ管理者に確認してください。</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="176"/>
        <source>The media ledger knows this medium as %1.</source>
        <translation>媒体管理台帳では、この媒体の管理番号は %1 です。</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="177"/>
        <source>Type the asset tag on the medium&apos;s label. A medium not in the media ledger is registered under it.</source>
        <translation>媒体のラベルにある管理番号を入力してください。台帳にない媒体は、この番号で登録されます。</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="184"/>
        <source>Asset tag</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="197"/>
        <source>How is it erased?</source>
        <translation>消去方式を選んでください</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="207"/>
        <source>recommended</source>
        <translation>推奨</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="231"/>
        <source>Purpose: %1</source>
        <translation>目的：%1</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="232"/>
        <source>Class: %1</source>
        <translation>区分：%1</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="233"/>
        <source>Asset tag: %1</source>
        <translation>管理番号：%1</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="234"/>
        <source>Method: %1</source>
        <translation>方式：%1</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="242"/>
        <source>A data manager must approve this erasure first.</source>
        <translation>この消去には、先にデータ管理者の承認が必要です。</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="250"/>
        <source>Asking the appliance…</source>
        <translation>装置に問い合わせ中…</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="251"/>
        <source>Ask for approval</source>
        <translation>承認を申請する</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="251"/>
        <source>Erase now</source>
        <translation>今すぐ消去</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="270"/>
        <source>Last 4 characters of the serial</source>
        <translation>シリアル番号の末尾4文字</translation>
    </message>
    <message>
        <location filename="../qml/EraseWizard.qml" line="271"/>
        <source>Last 4 characters of the device name</source>
        <translation>デバイス名の末尾4文字</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../qml/HomeScreen.qml" line="32"/>
        <source>Signed in as %1</source>
        <translation>%1 でログイン中</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="41"/>
        <source>Log out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="50"/>
        <source>Stop erasing %1? The medium will NOT be erased, and this is recorded.</source>
        <translation>%1 の消去を中止しますか？ 媒体は消去されないまま残り、中止したことが記録されます。</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="70"/>
        <source>Requests waiting for approval</source>
        <translation>承認待ちの申請</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="74"/>
        <source>Attached media</source>
        <translation>接続されている媒体</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="81"/>
        <source>No medium is attached. Plug in a drive or a USB stick.</source>
        <translation>媒体が接続されていません。ドライブまたはUSBメモリを接続してください。</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="137"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="153"/>
        <source>Yes, stop erasing</source>
        <translation>はい、中止します</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="154"/>
        <source>No, keep erasing</source>
        <translation>いいえ、続けます</translation>
    </message>
</context>
<context>
    <name>JobResult</name>
    <message>
        <location filename="../qml/JobResult.qml" line="28"/>
        <source>Erasing</source>
        <translation>消去中</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="29"/>
        <source>Verifying</source>
        <translation>検証中</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="30"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="31"/>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="32"/>
        <source>Cancelled</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="33"/>
        <source>Interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="69"/>
        <source>Progress</source>
        <translation>進み具合</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="73"/>
        <source>%1% done</source>
        <translation>%1% 完了</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="74"/>
        <source>pass %1/%2</source>
        <translation>パス %1/%2</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="77"/>
        <source>%1 min left</source>
        <translation>残り約 %1 分</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="84"/>
        <source>Reading the medium back to check that nothing of the old data is left.</source>
        <translation>古いデータが残っていないか、媒体を読み直して確認しています。</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="104"/>
        <source>Recorded as register entry %1</source>
        <translation>台帳記録 %1 として記録されました</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="114"/>
        <source>Cancel erasure…</source>
        <translation>消去を中止…</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="132"/>
        <source>Preview certificate</source>
        <translation>証明書を確認</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="138"/>
        <source>Print certificate</source>
        <translation>証明書を印刷</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="147"/>
        <source>This kiosk cannot send it to a printer yet. The certificate&apos;s PDF is stored at %1: print it from there.</source>
        <translation>この端末からはまだ印刷できません。証明書のPDFは %1 に保存されています。そこから印刷してください。</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="148"/>
        <source>Certificate of erasure for register entry %1: %2, erased by %3. Its issue is recorded as register entry %4; the PDF is stored at %5.</source>
        <translation>台帳記録 %1 の消去証明書：%2（消去した人：%3）。発行は台帳記録 %4 として記録され、PDFは %5 に保存されています。</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="173"/>
        <source>Certificates are issued by a records officer: one can log in here, then press the button again.</source>
        <translation>証明書は記録管理者が発行します。記録管理者がここでログインしてから、もう一度ボタンを押してください。</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="180"/>
        <source>Stop erasing %1? The medium will NOT be erased, and this is recorded.</source>
        <translation>%1 の消去を中止しますか？ 媒体は消去されないまま残り、中止したことが記録されます。</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="181"/>
        <source>Yes, stop erasing</source>
        <translation>はい、中止します</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="182"/>
        <source>No, keep erasing</source>
        <translation>いいえ、続けます</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../qml/JobsPanel.qml" line="18"/>
        <source>Erasing</source>
        <translation>消去中</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="19"/>
        <source>Verifying</source>
        <translation>検証中</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="20"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="21"/>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="22"/>
        <source>Cancelled</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="23"/>
        <source>Interrupted</source>
        <translation>中断</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="33"/>
        <source>%1 min left</source>
        <translation>残り約 %1 分</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="38"/>
        <source>Jobs</source>
        <translation>作業</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="74"/>
        <source>pass %1/%2</source>
        <translation>パス %1/%2</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="99"/>
        <source>Cancel…</source>
        <translation>中止…</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="100"/>
        <source>Cancel erasing %1</source>
        <translation>%1 の消去を中止</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="105"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="106"/>
        <source>Details of %1</source>
        <translation>%1 の詳細</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="112"/>
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
    <name>LockNotice</name>
    <message>
        <location filename="../qml/LockNotice.qml" line="19"/>
        <source>The screen locked itself after a time without use. Log in again to go on.</source>
        <translation>しばらく操作がなかったため、画面をロックしました。続けるには、もう一度ログインしてください。</translation>
    </message>
    <message>
        <location filename="../qml/LockNotice.qml" line="30"/>
        <source>Erasures running: %1</source>
        <translation>実行中の消去：%1 件</translation>
    </message>
    <message>
        <location filename="../qml/LockNotice.qml" line="44"/>
        <source>Erasure %1: %2%</source>
        <translation>消去 %1：%2%</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../qml/LoginScreen.qml" line="50"/>
        <location filename="../qml/LoginScreen.qml" line="77"/>
        <location filename="../qml/LoginScreen.qml" line="78"/>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="58"/>
        <location filename="../qml/LoginScreen.qml" line="59"/>
        <source>User ID</source>
        <translation>ユーザーID</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="66"/>
        <location filename="../qml/LoginScreen.qml" line="68"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../qml/LoginScreen.qml" line="77"/>
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
    <name>RequestQueue</name>
    <message>
        <location filename="../qml/RequestQueue.qml" line="17"/>
        <location filename="../qml/RequestQueue.qml" line="32"/>
        <source>Requests waiting for approval</source>
        <translation>承認待ちの申請</translation>
    </message>
    <message>
        <location filename="../qml/RequestQueue.qml" line="41"/>
        <source>Refresh</source>
        <translation>最新の状態にする</translation>
    </message>
    <message>
        <location filename="../qml/RequestQueue.qml" line="46"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/RequestQueue.qml" line="52"/>
        <source>No request is waiting.</source>
        <translation>承認待ちの申請はありません。</translation>
    </message>
    <message>
        <location filename="../qml/RequestQueue.qml" line="87"/>
        <source>%1: %2 asks to erase %3 (%4, class %5, asset %6, method %7)</source>
        <translation>%1：%2 さんが %3 の消去を申請（%4、区分 %5、管理番号 %6、方式 %7）</translation>
    </message>
    <message>
        <location filename="../qml/RequestQueue.qml" line="97"/>
        <source>Approve</source>
        <translation>承認する</translation>
    </message>
    <message>
        <location filename="../qml/RequestQueue.qml" line="103"/>
        <source>Reject</source>
        <translation>却下する</translation>
    </message>
    <message>
        <location filename="../qml/RequestQueue.qml" line="105"/>
        <source>rejected at the kiosk</source>
        <translation>端末で却下</translation>
    </message>
</context>
<context>
    <name>SecondLogin</name>
    <message>
        <location filename="../qml/SecondLogin.qml" line="25"/>
        <source>%1 is logged in here as the second person.</source>
        <translation>%1 さんが二人目としてログインしています。</translation>
    </message>
    <message>
        <location filename="../qml/SecondLogin.qml" line="40"/>
        <source>User ID</source>
        <translation>ユーザーID</translation>
    </message>
    <message>
        <location filename="../qml/SecondLogin.qml" line="41"/>
        <source>Second person&apos;s user ID</source>
        <translation>二人目のユーザーID</translation>
    </message>
    <message>
        <location filename="../qml/SecondLogin.qml" line="48"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../qml/SecondLogin.qml" line="50"/>
        <source>Second person&apos;s password</source>
        <translation>二人目のパスワード</translation>
    </message>
    <message>
        <location filename="../qml/SecondLogin.qml" line="67"/>
        <source>Log %1 out</source>
        <translation>%1 さんをログアウト</translation>
    </message>
    <message>
        <location filename="../qml/SecondLogin.qml" line="68"/>
        <source>Checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <location filename="../qml/SecondLogin.qml" line="68"/>
        <source>Log in as the second person</source>
        <translation>二人目としてログイン</translation>
    </message>
</context>
<context>
    <name>TypedConfirmation</name>
    <message>
        <location filename="../typed_confirmation.cpp" line="29"/>
        <source>The characters typed are not the last 4 of this drive&apos;s serial. Check the label on the drive and type them again.</source>
        <translation>入力された文字が、このドライブのシリアル番号の末尾4文字と一致しません。ドライブのラベルを確認して、もう一度入力してください。</translation>
    </message>
    <message>
        <location filename="../typed_confirmation.cpp" line="33"/>
        <source>The characters typed are not the last 4 of this device&apos;s name. Check the name on the card and type them again.</source>
        <translation>入力された文字が、このデバイス名の末尾4文字と一致しません。カードに表示された名前を確認して、もう一度入力してください。</translation>
    </message>
</context>
<context>
    <name>massho::kiosk::ApplianceClient</name>
    <message>
        <location filename="../appliance_client.cpp" line="27"/>
        <source>The appliance service cannot be reached. Ask the administrator to check masshod.</source>
        <translation>消去装置のサービスに接続できません。管理者に masshod の確認を依頼してください。</translation>
    </message>
</context>
<context>
    <name>massho::kiosk::CarryOutFlow</name>
    <message>
        <location filename="../carry_out_flow.cpp" line="164"/>
        <source>asked at the kiosk</source>
        <translation>端末から申請</translation>
    </message>
</context>
<context>
    <name>massho::kiosk::EraseFlow</name>
    <message>
        <location filename="../erase_flow.cpp" line="176"/>
        <source>asked at the kiosk</source>
        <translation>端末から申請</translation>
    </message>
</context>
</TS>
