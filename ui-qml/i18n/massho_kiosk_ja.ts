<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../qml/AdminScreen.qml" line="18"/>
        <location filename="../qml/AdminScreen.qml" line="48"/>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="31"/>
        <source>Added %1.</source>
        <translation>%1 を追加しました。</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="32"/>
        <source>Disabled %1.</source>
        <translation>%1 を無効にしました。</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="33"/>
        <source>Enabled %1 again.</source>
        <translation>%1 を再び有効にしました。</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="34"/>
        <source>Added %1 to the key book.</source>
        <translation>%1 を鍵帳に追加しました。</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="35"/>
        <source>Removed %1 from the key book.</source>
        <translation>%1 を鍵帳から削除しました。</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="59"/>
        <location filename="../qml/AdminScreen.qml" line="126"/>
        <source>Users</source>
        <translation>利用者</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="60"/>
        <location filename="../qml/AdminScreen.qml" line="184"/>
        <source>Key book</source>
        <translation>鍵帳</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="61"/>
        <location filename="../qml/AdminScreen.qml" line="274"/>
        <source>Policy</source>
        <translation>ポリシー</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="67"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="72"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="102"/>
        <source>Add a user</source>
        <translation>利用者を追加</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="107"/>
        <source>Only dormant IDs</source>
        <translation>休眠IDのみ</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="112"/>
        <source>%1 (selected)</source>
        <translation>%1（選択中）</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="152"/>
        <source>disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="152"/>
        <source>active</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="153"/>
        <source>last login: %1</source>
        <translation>最終ログイン: %1</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="154"/>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="156"/>
        <source>DORMANT</source>
        <translation>休眠</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="162"/>
        <source>Enable</source>
        <translation>有効にする</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="162"/>
        <source>Disable</source>
        <translation>無効にする</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="163"/>
        <source>Enable %1</source>
        <translation>%1 を有効にする</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="164"/>
        <source>Disable %1</source>
        <translation>%1 を無効にする</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="214"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="215"/>
        <source>Remove %1</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="229"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="235"/>
        <source>age public key (age1…)</source>
        <translation>age 公開鍵（age1…）</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="241"/>
        <source>Office</source>
        <translation>宛先の部署</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="248"/>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="249"/>
        <source>Add to the key book</source>
        <translation>鍵帳に追加</translation>
    </message>
    <message>
        <location filename="../qml/AdminScreen.qml" line="261"/>
        <source>massho.conf in effect (read only; the administrator changes the file)</source>
        <translation>現在有効な massho.conf（表示のみ。変更は管理者がファイルで行います）</translation>
    </message>
</context>
<context>
    <name>ApprovalStep</name>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="42"/>
        <source>Approved</source>
        <translation>承認されました</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="43"/>
        <source>Rejected</source>
        <translation>却下されました</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="43"/>
        <source>Waiting for approval</source>
        <translation>承認待ち</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="51"/>
        <source>Request %1</source>
        <translation>申請 %1</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="19"/>
        <source>The data manager approved it. Press Erase now to start.</source>
        <translation>データ管理者が承認しました。「今すぐ消去」を押すと始まります。</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="20"/>
        <source>The data manager rejected it. The medium was not erased; close this and ask them why.</source>
        <translation>データ管理者が却下しました。媒体は消去されていません。この画面を閉じ、理由をデータ管理者に確認してください。</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="18"/>
        <source>A data manager must approve this erasure. They can log in here as the second person, or approve it later from their own queue; then press Erase now.</source>
        <translation>この消去にはデータ管理者の承認が必要です。データ管理者がここで二人目としてログインして承認するか、後で自分の承認待ち一覧から承認します。承認後に「今すぐ消去」を押してください。</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="70"/>
        <source>Approve</source>
        <translation>承認する</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="76"/>
        <source>Reject</source>
        <translation>却下する</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="78"/>
        <source>rejected at the kiosk</source>
        <translation>端末で却下</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="17"/>
        <source>Erase now</source>
        <translation>今すぐ消去</translation>
    </message>
    <message>
        <location filename="../qml/ApprovalStep.qml" line="103"/>
        <source>Data manager: log in here to decide.</source>
        <translation>データ管理者の方は、ここでログインして判断してください。</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../qml/AuditView.qml" line="16"/>
        <location filename="../qml/AuditView.qml" line="49"/>
        <source>Audit the register</source>
        <translation>台帳の監査</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="36"/>
        <source>Verifying the register…</source>
        <translation>台帳を検証中…</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="37"/>
        <source>The register verifies.</source>
        <translation>台帳は正しく検証されました。</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="38"/>
        <source>The register does NOT verify. Report this to the administrator and keep the appliance as it is.</source>
        <translation>台帳の検証に失敗しました。装置はこのままにして、管理者に報告してください。</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="58"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="64"/>
        <source>Verify the register now</source>
        <translation>いま台帳を検証</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="103"/>
        <source>Latest checkpoint</source>
        <translation>最新のチェックポイント</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="112"/>
        <source>Size: %1 entries</source>
        <translation>サイズ：%1 件の記録</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="113"/>
        <source>Root hash: %1</source>
        <translation>ルートハッシュ：%1</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="114"/>
        <source>Signed after the entry of %1</source>
        <translation>%1 の記録の後に署名</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="123"/>
        <source>Witnesses</source>
        <translation>立会い者（ウィットネス）</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="133"/>
        <source>No witness has cosigned a checkpoint yet.</source>
        <translation>まだどの立会い者（ウィットネス）もチェックポイントに連署していません。</translation>
    </message>
    <message>
        <location filename="../qml/AuditView.qml" line="142"/>
        <source>%1 cosigned size %2 at %3</source>
        <translation>%1 がサイズ %2 に連署（%3）</translation>
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
        <location filename="../qml/CarryOutWizard.qml" line="304"/>
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
        <location filename="../qml/CarryOutWizard.qml" line="171"/>
        <source>Folder</source>
        <translation>フォルダー</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="193"/>
        <source>Who receives it?</source>
        <translation>受け取り先はどこですか？</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="199"/>
        <source>The key book has no receiving office. Ask an administrator to add the office&apos;s key.</source>
        <translation>鍵台帳に受け取り先がありません。管理者に受け取り先の鍵の登録を依頼してください。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="223"/>
        <source>Which class of information is it?</source>
        <translation>情報の区分はどれですか？</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="230"/>
        <source>Class %1</source>
        <translation>区分 %1</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="234"/>
        <source>Classes 1 and 2 hold important information. If unsure, ask your data manager.</source>
        <translation>区分1と区分2は重要な情報です。分からない場合はデータ管理者に確認してください。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="251"/>
        <source>The media ledger knows this medium as %1.</source>
        <translation>媒体管理台帳では、この媒体の管理番号は %1 です。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="252"/>
        <source>Type the asset tag on the medium&apos;s label. A medium not in the media ledger is registered under it.</source>
        <translation>媒体のラベルにある管理番号を入力してください。台帳にない媒体は、この番号で登録されます。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="259"/>
        <source>Asset tag</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="277"/>
        <source>Files: %1</source>
        <translation>ファイル：%1</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="278"/>
        <source>To: %1</source>
        <translation>受け取り先：%1</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="279"/>
        <source>Class: %1</source>
        <translation>区分：%1</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="280"/>
        <source>Asset tag: %1</source>
        <translation>管理番号：%1</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="287"/>
        <source>The medium is erased first, then the files are written to it encrypted for the receiving office only.</source>
        <translation>まず媒体を消去し、その後ファイルを受け取り先だけが開けるよう暗号化して書き込みます。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="296"/>
        <source>A data manager must approve this carry-out first.</source>
        <translation>この持ち出しには、先にデータ管理者の承認が必要です。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="305"/>
        <source>Ask for approval</source>
        <translation>承認を申請する</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="305"/>
        <location filename="../qml/CarryOutWizard.qml" line="338"/>
        <source>Carry out now</source>
        <translation>今すぐ持ち出す</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="324"/>
        <source>Last 4 characters of the serial</source>
        <translation>シリアル番号の末尾4文字</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="325"/>
        <source>Last 4 characters of the device name</source>
        <translation>デバイス名の末尾4文字</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="339"/>
        <source>A data manager must approve this carry-out. They can log in here as the second person, or approve it later from their own queue; then press Carry out now.</source>
        <translation>この持ち出しにはデータ管理者の承認が必要です。データ管理者はここに二人目としてログインするか、後で自分の承認待ち一覧から承認できます。承認されたら「今すぐ持ち出す」を押してください。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="340"/>
        <source>The data manager approved it. Press Carry out now to start.</source>
        <translation>データ管理者が承認しました。「今すぐ持ち出す」を押して開始してください。</translation>
    </message>
    <message>
        <location filename="../qml/CarryOutWizard.qml" line="341"/>
        <source>The data manager rejected it. Nothing was written; close this and ask them why.</source>
        <translation>データ管理者が却下しました。何も書き込まれていません。この画面を閉じて、理由を確認してください。</translation>
    </message>
</context>
<context>
    <name>ChoiceRow</name>
    <message>
        <location filename="../qml/ChoiceRow.qml" line="31"/>
        <source>%1 (selected)</source>
        <translation>%1（選択中）</translation>
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
        <location filename="../qml/DeviceCard.qml" line="61"/>
        <source>Serial</source>
        <translation>シリアル番号</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="70"/>
        <source>Can be erased</source>
        <translation>消去できます</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="78"/>
        <source>In the media ledger as %1</source>
        <translation>媒体管理台帳の管理番号 %1</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="86"/>
        <source>Media ledger…</source>
        <translation>媒体管理台帳…</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="86"/>
        <source>Register in the ledger…</source>
        <translation>台帳に登録…</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="87"/>
        <source>Media ledger</source>
        <translation>媒体管理台帳</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="87"/>
        <source>Register in the ledger</source>
        <translation>台帳に登録</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="94"/>
        <source>Erase…</source>
        <translation>消去…</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="95"/>
        <source>Erase</source>
        <translation>消去</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="104"/>
        <source>Carry out…</source>
        <translation>持ち出し…</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="105"/>
        <source>Carry out</source>
        <translation>持ち出し</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="111"/>
        <source>Carry in…</source>
        <translation>返却…</translation>
    </message>
    <message>
        <location filename="../qml/DeviceCard.qml" line="112"/>
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
        <location filename="../qml/HomeScreen.qml" line="42"/>
        <source>Signed in as %1</source>
        <translation>%1 でログイン中</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="51"/>
        <source>Log out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="72"/>
        <source>Jobs and attached media</source>
        <translation>作業と接続中の媒体</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="78"/>
        <source>Scroll the jobs and media</source>
        <translation>作業と媒体の一覧をスクロール</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="112"/>
        <source>Stop erasing %1? The medium will NOT be erased, and this is recorded.</source>
        <translation>%1 の消去を中止しますか？ 媒体は消去されないまま残り、中止したことが記録されます。</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="132"/>
        <source>Requests waiting for approval</source>
        <translation>承認待ちの申請</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="142"/>
        <source>Register and certificates</source>
        <translation>台帳と証明書</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="148"/>
        <source>Audit the register</source>
        <translation>台帳の監査</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="155"/>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="160"/>
        <source>Attached media</source>
        <translation>接続されている媒体</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="167"/>
        <source>No medium is attached. Plug in a drive or a USB stick.</source>
        <translation>媒体が接続されていません。ドライブまたはUSBメモリを接続してください。</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="295"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="312"/>
        <source>Yes, stop erasing</source>
        <translation>はい、中止します</translation>
    </message>
    <message>
        <location filename="../qml/HomeScreen.qml" line="313"/>
        <source>No, keep erasing</source>
        <translation>いいえ、続けます</translation>
    </message>
</context>
<context>
    <name>JobResult</name>
    <message>
        <location filename="../qml/JobResult.qml" line="58"/>
        <source>Progress</source>
        <translation>進み具合</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="62"/>
        <source>%1% done</source>
        <translation>%1% 完了</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="63"/>
        <source>pass %1/%2</source>
        <translation>パス %1/%2</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="66"/>
        <source>%1 min left</source>
        <translation>残り約 %1 分</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="73"/>
        <source>Reading the medium back to check that nothing of the old data is left.</source>
        <translation>古いデータが残っていないか、媒体を読み直して確認しています。</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="93"/>
        <source>Recorded as register entry %1</source>
        <translation>台帳記録 %1 として記録されました</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="103"/>
        <source>Cancel erasure…</source>
        <translation>消去を中止…</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="122"/>
        <source>Preview certificate</source>
        <translation>証明書を確認</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="128"/>
        <source>Print certificate</source>
        <translation>証明書を印刷</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="137"/>
        <source>This kiosk cannot send it to a printer yet. The certificate&apos;s PDF is stored at %1: print it from there.</source>
        <translation>この端末からはまだ印刷できません。証明書のPDFは %1 に保存されています。そこから印刷してください。</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="138"/>
        <source>Certificate of erasure for register entry %1: %2, erased by %3. Its issue is recorded as register entry %4; the PDF is stored at %5.</source>
        <translation>台帳記録 %1 の消去証明書：%2（消去した人：%3）。発行は台帳記録 %4 として記録され、PDFは %5 に保存されています。</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="163"/>
        <source>Certificates are issued by a records officer: one can log in here, then press the button again.</source>
        <translation>証明書は記録管理者が発行します。記録管理者がここでログインしてから、もう一度ボタンを押してください。</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="170"/>
        <source>Stop erasing %1? The medium will NOT be erased, and this is recorded.</source>
        <translation>%1 の消去を中止しますか？ 媒体は消去されないまま残り、中止したことが記録されます。</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="171"/>
        <source>Yes, stop erasing</source>
        <translation>はい、中止します</translation>
    </message>
    <message>
        <location filename="../qml/JobResult.qml" line="172"/>
        <source>No, keep erasing</source>
        <translation>いいえ、続けます</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../qml/JobsPanel.qml" line="23"/>
        <source>%1 min left</source>
        <translation>残り約 %1 分</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="28"/>
        <source>Jobs</source>
        <translation>作業</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="67"/>
        <source>pass %1/%2</source>
        <translation>パス %1/%2</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="92"/>
        <source>Cancel…</source>
        <translation>中止…</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="93"/>
        <source>Cancel erasing %1</source>
        <translation>%1 の消去を中止</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="98"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="99"/>
        <source>Details of %1</source>
        <translation>%1 の詳細</translation>
    </message>
    <message>
        <location filename="../qml/JobsPanel.qml" line="106"/>
        <source>Register entry %1</source>
        <translation>台帳記録 %1</translation>
    </message>
</context>
<context>
    <name>KanaKeys</name>
    <message>
        <location filename="../qml/KanaKeys.qml" line="36"/>
        <source>Small kana (小)</source>
        <translation>小さい文字（小）</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../qml/Keypad.qml" line="46"/>
        <source>abc</source>
        <translation>abc</translation>
    </message>
    <message>
        <location filename="../qml/Keypad.qml" line="46"/>
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <location filename="../qml/Keypad.qml" line="49"/>
        <source>Shift</source>
        <translation>シフト</translation>
    </message>
    <message>
        <location filename="../qml/Keypad.qml" line="53"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <location filename="../qml/LedgerView.qml" line="19"/>
        <source>Media ledger for %1</source>
        <translation>%1 の媒体管理台帳</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="50"/>
        <source>Registered in the ledger as register entry %1.</source>
        <translation>台帳に登録しました(登録簿の記録 %1)。</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="51"/>
        <source>The move is recorded as register entry %1.</source>
        <translation>移動を登録簿の記録 %1 として記録しました。</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="52"/>
        <source>The destruction is recorded as register entry %1.</source>
        <translation>破壊を登録簿の記録 %1 として記録しました。</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="58"/>
        <source>Registered</source>
        <translation>登録済み</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="59"/>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="60"/>
        <source>In storage</source>
        <translation>保管中</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="61"/>
        <location filename="../qml/LedgerView.qml" line="79"/>
        <source>Carried out</source>
        <translation>持ち出し中</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="62"/>
        <source>Returned</source>
        <translation>返却済み</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="63"/>
        <location filename="../qml/LedgerView.qml" line="78"/>
        <source>Erased</source>
        <translation>消去済み</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="64"/>
        <location filename="../qml/LedgerView.qml" line="76"/>
        <source>Disposed of</source>
        <translation>廃棄済み</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="65"/>
        <source>Destroyed</source>
        <translation>破壊済み</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="66"/>
        <location filename="../qml/LedgerView.qml" line="77"/>
        <source>Returned to the lessor</source>
        <translation>リース会社に返却済み</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="72"/>
        <source>Added to the ledger</source>
        <translation>台帳に登録</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="73"/>
        <source>Moved</source>
        <translation>移動</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="74"/>
        <source>Record corrected</source>
        <translation>記録を訂正</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="75"/>
        <source>Destroyed before a witness</source>
        <translation>立会いのもと破壊</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="80"/>
        <source>Carried back in</source>
        <translation>持ち込み(返却)</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="86"/>
        <source>Shredded</source>
        <translation>破砕</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="87"/>
        <source>Crushed</source>
        <translation>圧壊</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="88"/>
        <source>Degaussed</source>
        <translation>磁気消去</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="89"/>
        <source>Melted</source>
        <translation>溶解</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="90"/>
        <source>Incinerated</source>
        <translation>焼却</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="91"/>
        <source>Taken apart</source>
        <translation>分解</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="112"/>
        <source>Media ledger: %1</source>
        <translation>媒体管理台帳: %1</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="122"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="122"/>
        <location filename="../qml/LedgerView.qml" line="123"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="123"/>
        <source>Close the media ledger</source>
        <translation>媒体管理台帳を閉じる</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="167"/>
        <source>Asking the media ledger…</source>
        <translation>媒体管理台帳に問い合わせ中…</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="180"/>
        <source>This medium is not in the media ledger.</source>
        <translation>この媒体は媒体管理台帳にありません。</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="187"/>
        <source>Register in the ledger</source>
        <translation>台帳に登録</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="200"/>
        <source>Asset tag %1 · class %2 · %3</source>
        <translation>管理番号 %1 · 区分 %2 · %3</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="209"/>
        <source>Section: %1 · Location: %2</source>
        <translation>所管課: %1 · 保管場所: %2</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="218"/>
        <source>Move to storage or into use…</source>
        <translation>保管または使用に移す…</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="223"/>
        <source>Record a destruction…</source>
        <translation>破壊を記録…</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="228"/>
        <location filename="../qml/LedgerView.qml" line="243"/>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="247"/>
        <source>Register entry %1 · %2 · %3 → %4 · by %5</source>
        <translation>登録簿の記録 %1 · %2 · %3 → %4 · %5</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="273"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="280"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="287"/>
        <location filename="../qml/LedgerView.qml" line="391"/>
        <location filename="../qml/LedgerView.qml" line="423"/>
        <source>Recording…</source>
        <translation>記録中…</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="287"/>
        <source>Register</source>
        <translation>登録する</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="297"/>
        <source>Asset tag</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="308"/>
        <source>Which class of information does it hold?</source>
        <translation>どの区分の情報が入っていますか?</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="315"/>
        <source>Class %1</source>
        <translation>区分 %1</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="326"/>
        <source>Owning section (may be left empty)</source>
        <translation>所管課(空欄可)</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="339"/>
        <source>Where it is kept (may be left empty)</source>
        <translation>保管場所(空欄可)</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="353"/>
        <source>Where does it go?</source>
        <translation>どこに移しますか?</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="360"/>
        <source>Into storage</source>
        <translation>保管する</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="361"/>
        <source>Into use</source>
        <translation>使用する</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="365"/>
        <source>Is it write-protected?</source>
        <translation>書き込み禁止にしてありますか?</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="372"/>
        <source>Write-protected</source>
        <translation>書き込み禁止</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="373"/>
        <source>Not write-protected</source>
        <translation>書き込み禁止でない</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="377"/>
        <source>How is it locked?</source>
        <translation>どのように施錠していますか?</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="384"/>
        <source>Not locked</source>
        <translation>施錠なし</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="385"/>
        <source>By a password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="386"/>
        <source>By encryption</source>
        <translation>暗号化</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="391"/>
        <source>Record the move</source>
        <translation>移動を記録する</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="409"/>
        <source>How was it destroyed?</source>
        <translation>どのように破壊しましたか?</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="423"/>
        <source>Record the destruction</source>
        <translation>破壊を記録する</translation>
    </message>
    <message>
        <location filename="../qml/LedgerView.qml" line="432"/>
        <source>The witness who saw it destroyed logs in here as the second person.</source>
        <translation>破壊に立ち会った人が、二人目としてここでログインしてください。</translation>
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
    <name>RegisterView</name>
    <message>
        <location filename="../qml/RegisterView.qml" line="17"/>
        <location filename="../qml/RegisterView.qml" line="75"/>
        <source>Register and certificates</source>
        <translation>台帳と証明書</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="58"/>
        <source>Erasure</source>
        <translation>消去</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="59"/>
        <source>Medium registered</source>
        <translation>媒体登録</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="60"/>
        <source>Medium destroyed</source>
        <translation>物理破壊</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="61"/>
        <source>Carried out</source>
        <translation>持出し</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="62"/>
        <source>Returned</source>
        <translation>返却</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="84"/>
        <source>Search the register</source>
        <translation>台帳を検索</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="91"/>
        <source>Media reports</source>
        <translation>媒体の帳票</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="98"/>
        <location filename="../qml/RegisterView.qml" line="361"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="36"/>
        <location filename="../qml/RegisterView.qml" line="146"/>
        <source>Asset tag</source>
        <translation>管理番号</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="32"/>
        <location filename="../qml/RegisterView.qml" line="153"/>
        <source>Serial number</source>
        <translation>シリアル番号</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="33"/>
        <source>From (YYYY-MM-DD)</source>
        <translation>開始日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="34"/>
        <source>To (YYYY-MM-DD)</source>
        <translation>終了日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="160"/>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="167"/>
        <source>Erasures today</source>
        <translation>今日の消去</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="172"/>
        <source>Erasures in the last 30 days</source>
        <translation>過去30日の消去</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="179"/>
        <source>From %1</source>
        <translation>開始日 %1</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="196"/>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="196"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="205"/>
        <source>No entries found.</source>
        <translation>該当する記録はありません。</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="206"/>
        <source>Entries %1–%2 of %3</source>
        <translation>%3 件中 %1–%2 件目</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="234"/>
        <source>Entry %1: %2, %3</source>
        <translation>記録 %1：%2、%3</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="238"/>
        <source>Asset %1, serial %2, %3 %4 by %5</source>
        <translation>管理番号 %1、シリアル %2、%3 %4（実施者 %5）</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="244"/>
        <source>Certificates issued: %1</source>
        <translation>発行済みの証明書：%1 件</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="252"/>
        <source>Reissue certificate</source>
        <translation>証明書を再発行</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="253"/>
        <source>Issue certificate</source>
        <translation>証明書を発行</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="259"/>
        <source>Preview certificate</source>
        <translation>証明書を確認</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="266"/>
        <location filename="../qml/RegisterView.qml" line="355"/>
        <source>Print certificate</source>
        <translation>証明書を印刷</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="280"/>
        <source>Previous page</source>
        <translation>前のページ</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="286"/>
        <source>Next page</source>
        <translation>次のページ</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="301"/>
        <source>Media ledger</source>
        <translation>媒体管理台帳</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="306"/>
        <source>Carried out now</source>
        <translation>持出し中の媒体</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="311"/>
        <source>Due for return or disposal</source>
        <translation>返却・廃棄予定</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="316"/>
        <source>Closed in the last 30 days</source>
        <translation>過去30日の廃棄・破壊記録</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="335"/>
        <source>Certificate for entry %1</source>
        <translation>記録 %1 の証明書</translation>
    </message>
    <message>
        <location filename="../qml/RegisterView.qml" line="348"/>
        <source>The issued certificate&apos;s first page</source>
        <translation>発行した証明書の1ページ目</translation>
    </message>
</context>
<context>
    <name>ReportTable</name>
    <message>
        <location filename="../qml/ReportTable.qml" line="38"/>
        <source>Only the first %1 rows are shown; the whole report: massho media report.</source>
        <translation>最初の %1 行だけを表示しています。全体は massho media report で出力してください。</translation>
    </message>
    <message>
        <location filename="../qml/ReportTable.qml" line="47"/>
        <source>The report has no rows.</source>
        <translation>この帳票に該当する行はありません。</translation>
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
    <name>ServiceReason</name>
    <message>
        <location filename="../reason_keys.cpp" line="13"/>
        <source>login.wrong</source>
        <extracomment>wrong user ID or password</extracomment>
        <translation>IDまたはパスワードが違います。もう一度入力してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="15"/>
        <source>login.locked</source>
        <extracomment>account locked until %1: wait or ask an administrator</extracomment>
        <translation>%1 までロックされています。待つか、管理者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="17"/>
        <source>login.disabled</source>
        <extracomment>account disabled</extracomment>
        <translation>このアカウントは無効です。管理者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="19"/>
        <source>login.expired</source>
        <extracomment>account expired on %1</extracomment>
        <translation>このアカウントは %1 に期限切れになりました。管理者に連絡してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="21"/>
        <source>login.password-expired</source>
        <extracomment>the password of %1 is older than %2 days: change it</extracomment>
        <translation>%1 のパスワードは %2 日を超えています。パスワードを変更してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="23"/>
        <source>login.busy</source>
        <extracomment>a login is already being checked: wait for its answer, then try again</extracomment>
        <translation>別のログインを確認中です。結果を待ってから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="25"/>
        <source>session.too-many</source>
        <extracomment>too many sessions are open: log out of one first</extracomment>
        <translation>ログイン中の人が多すぎます。先に誰かがログアウトしてください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="27"/>
        <source>session.other-connection</source>
        <extracomment>this session belongs to another connection</extracomment>
        <translation>このセッションは別の接続のものです。ログインし直してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="29"/>
        <source>session.ended</source>
        <extracomment>the account %1 is disabled or has expired: the session has ended</extracomment>
        <translation>アカウント「%1」は無効か期限切れです。セッションを終了しました。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="31"/>
        <source>session.closed</source>
        <extracomment>the session has ended (logged out, idle or too old): log in again</extracomment>
        <translation>セッションは終了しています。もう一度ログインしてください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="33"/>
        <source>role.missing</source>
        <extracomment>%1 does not hold the %2 role that %3 needs</extracomment>
        <translation>「%1」には必要な役割（%2）がありません。管理者に依頼してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="35"/>
        <source>approval.self</source>
        <extracomment>%1 made request %2 and may not %3 it</extracomment>
        <translation>「%1」は申請 %2 の申請者なので、自分で承認・却下できません。別のデータ管理者が行います。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="37"/>
        <source>approval.not-data-manager</source>
        <extracomment>%1 does not hold the data-manager role</extracomment>
        <translation>「%1」はデータ管理者ではありません。承認・却下はデータ管理者が行います。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="39"/>
        <source>request.not-pending</source>
        <extracomment>cannot %1 %2: it is %3, not %4</extracomment>
        <translation>申請 %2 は処理済み（%3）です。一覧を確認してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="41"/>
        <source>request.unknown</source>
        <extracomment>no request %1</extracomment>
        <translation>申請 %1 は見つかりません。申請番号を確認してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="43"/>
        <source>request.unapproved</source>
        <extracomment>request %1 cannot be used: no data manager has approved it yet</extracomment>
        <translation>申請 %1 はまだ使えません。データ管理者が承認していません。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="45"/>
        <source>request.rejected</source>
        <extracomment>request %1 cannot be used: it was rejected by %2: make a new request</extracomment>
        <translation>申請 %1 は %2 が却下したため使えません。新しく申請してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="47"/>
        <source>request.in-use</source>
        <extracomment>request %1 cannot be used: another run is using it right now</extracomment>
        <translation>申請 %1 は別の作業が使用中です。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="50"/>
        <source>request.used</source>
        <extracomment>request %1 cannot be used: it was used already (register entry %2): an approval is good for one run</extracomment>
        <translation>申請 %1 は使用済みです（台帳記録 %2）。承認は1回限りです。新しく申請してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="52"/>
        <source>request.expired</source>
        <extracomment>request %1 cannot be used: its approval expired at %2 (UTC): make a new request</extracomment>
        <translation>申請 %1 の承認は %2（UTC）に期限が切れました。新しく申請してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="55"/>
        <source>request.mismatch</source>
        <extracomment>request %1 cannot be used: it approves another purpose, class, asset, method, destination or medium than this run</extracomment>
        <translation>申請 %1 で承認された内容（目的・区分・資産番号・方式・持出先・媒体）が今回の作業と一致しません。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="57"/>
        <source>device.unlisted</source>
        <extracomment>%1 is not a device this service listed</extracomment>
        <translation>%1 は一覧にない媒体です。媒体を選び直してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="59"/>
        <source>device.busy</source>
        <extracomment>%1 is being worked on by job %2</extracomment>
        <translation>%1 は作業 %2 の処理中です。終わるのを待つか、中止してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="61"/>
        <source>job.not-yours</source>
        <extracomment>only %1, who started this job, or an administrator may cancel it</extracomment>
        <translation>この作業を中止できるのは、開始した %1 か管理者だけです。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="63"/>
        <source>job.ended</source>
        <extracomment>the job has already ended (%1)</extracomment>
        <translation>この作業はすでに終わっています（%1）。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="65"/>
        <source>job.sanitize-running</source>
        <extracomment>a drive&apos;s own sanitize command cannot be cancelled once sent</extracomment>
        <translation>ドライブ内蔵の消去命令は送信後に中止できません。終わるまで電源を切らないでください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="67"/>
        <source>argument.too-long</source>
        <extracomment>%1 is longer than %2 bytes</extracomment>
        <translation>%1 が長すぎます（%2 バイトまで）。短くしてください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="69"/>
        <source>user.last-admin</source>
        <extracomment>refusing to disable the last enabled administrator</extracomment>
        <translation>最後の管理者は無効にできません。先に別の管理者を追加してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="71"/>
        <source>user.exists</source>
        <extracomment>user %1 already exists</extracomment>
        <translation>ID「%1」はすでに使われています。別のIDにしてください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="73"/>
        <source>user.unknown</source>
        <extracomment>no user %1</extracomment>
        <translation>ID「%1」の利用者はいません。IDを確認してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="75"/>
        <source>user.invalid-id</source>
        <extracomment>user ID %1 is invalid</extracomment>
        <translation>ID「%1」は使えません。英小文字・数字・. _ - の32文字以内で、英小文字か数字で始めてください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="77"/>
        <source>user.no-role</source>
        <extracomment>a user needs at least one role</extracomment>
        <translation>役割を1つ以上選んでください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="79"/>
        <source>user.unknown-role</source>
        <extracomment>unknown role %1</extracomment>
        <translation>役割「%1」はありません。一覧から選んでください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="81"/>
        <source>user.expiry-past</source>
        <extracomment>expiry date %1 is in the past</extracomment>
        <translation>有効期限 %1 は過去の日付です。今日以降の日付にしてください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="83"/>
        <source>user.expiry-invalid</source>
        <extracomment>expiry date %1 is not a date</extracomment>
        <translation>有効期限「%1」は日付ではありません。YYYY-MM-DD の形で入力してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="85"/>
        <source>password.short</source>
        <extracomment>password is shorter than %1 characters</extracomment>
        <translation>パスワードが短すぎます。%1 文字以上にしてください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="87"/>
        <source>password.long</source>
        <extracomment>password is longer than %1 characters</extracomment>
        <translation>パスワードが長すぎます。%1 文字以内にしてください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="89"/>
        <source>password.classes</source>
        <extracomment>password uses fewer than %1 kinds of character</extracomment>
        <translation>パスワードの文字の種類が足りません。英小文字・英大文字・数字・記号のうち %1 種類以上を混ぜてください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="91"/>
        <source>password.repeats</source>
        <extracomment>password repeats too few characters</extracomment>
        <translation>パスワードの文字の種類が少なすぎます。5種類以上の異なる文字を使ってください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="93"/>
        <source>password.user-id</source>
        <extracomment>password is the user ID</extracomment>
        <translation>パスワードがIDと同じです。別のものにしてください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="95"/>
        <source>password.well-known</source>
        <extracomment>password is built on a well-known password</extracomment>
        <translation>よく知られたパスワードを元にしています。別のものにしてください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="97"/>
        <source>recipient.bad-key</source>
        <extracomment>not a valid age public key</extracomment>
        <translation>age の公開鍵（age1…）として正しくありません。鍵を確認してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="99"/>
        <source>recipient.invalid-name</source>
        <extracomment>recipient name %1 is invalid</extracomment>
        <translation>宛先名「%1」は使えません。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="101"/>
        <source>recipient.exists</source>
        <extracomment>recipient %1 already exists</extracomment>
        <translation>宛先「%1」はすでに鍵帳にあります。先に削除してください。</translation>
    </message>
    <message>
        <location filename="../reason_keys.cpp" line="103"/>
        <source>recipient.unknown</source>
        <extracomment>no recipient %1</extracomment>
        <translation>宛先「%1」は鍵帳にありません。</translation>
    </message>
</context>
<context>
    <name>ServiceWords</name>
    <message>
        <location filename="../qml/ServiceWords.qml" line="15"/>
        <source>Operator</source>
        <translation>作業者</translation>
    </message>
    <message>
        <location filename="../qml/ServiceWords.qml" line="16"/>
        <source>Data manager</source>
        <translation>データ管理者</translation>
    </message>
    <message>
        <location filename="../qml/ServiceWords.qml" line="17"/>
        <source>Records officer</source>
        <translation>記録管理者</translation>
    </message>
    <message>
        <location filename="../qml/ServiceWords.qml" line="18"/>
        <source>Auditor</source>
        <translation>監査者</translation>
    </message>
    <message>
        <location filename="../qml/ServiceWords.qml" line="19"/>
        <source>Chief</source>
        <translation>責任者</translation>
    </message>
    <message>
        <location filename="../qml/ServiceWords.qml" line="20"/>
        <source>Administrator</source>
        <translation>管理者</translation>
    </message>
    <message>
        <location filename="../qml/ServiceWords.qml" line="25"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../qml/ServiceWords.qml" line="39"/>
        <source>Verifying the register</source>
        <translation>台帳の検証中</translation>
    </message>
    <message>
        <location filename="../qml/ServiceWords.qml" line="40"/>
        <source>Register verified</source>
        <translation>台帳を検証済み</translation>
    </message>
    <message>
        <location filename="../qml/ServiceWords.qml" line="41"/>
        <source>Register verification failed</source>
        <translation>台帳の検証に失敗</translation>
    </message>
    <message>
        <location filename="../qml/ServiceWords.qml" line="45"/>
        <source>Erasing</source>
        <translation>消去中</translation>
    </message>
    <message>
        <location filename="../qml/ServiceWords.qml" line="46"/>
        <source>Verifying</source>
        <translation>検証中</translation>
    </message>
    <message>
        <location filename="../qml/ServiceWords.qml" line="47"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../qml/ServiceWords.qml" line="48"/>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../qml/ServiceWords.qml" line="49"/>
        <source>Cancelled</source>
        <translation>取り消し</translation>
    </message>
    <message>
        <location filename="../qml/ServiceWords.qml" line="50"/>
        <source>Interrupted</source>
        <translation>中断</translation>
    </message>
</context>
<context>
    <name>TextKeyboard</name>
    <message>
        <location filename="../qml/TextKeyboard.qml" line="30"/>
        <source>On-screen keyboard</source>
        <translation>画面キーボード</translation>
    </message>
    <message>
        <location filename="../qml/TextKeyboard.qml" line="102"/>
        <source>More</source>
        <translation>次候補</translation>
    </message>
    <message>
        <location filename="../qml/TextKeyboard.qml" line="103"/>
        <source>More candidates</source>
        <translation>次の候補</translation>
    </message>
    <message>
        <location filename="../qml/TextKeyboard.qml" line="113"/>
        <source>Japanese input is unavailable: the kana dictionary %1 could not be read (%2). Latin letters can be typed; an administrator can install the package skkdic.</source>
        <translation>日本語入力は使えません：かな漢字辞書 %1 を読めませんでした（%2）。英字は入力できます。管理者がパッケージ skkdic をインストールしてください。</translation>
    </message>
    <message>
        <location filename="../qml/TextKeyboard.qml" line="152"/>
        <source>Latin letters</source>
        <translation>英字</translation>
    </message>
    <message>
        <location filename="../qml/TextKeyboard.qml" line="152"/>
        <source>Japanese (kana)</source>
        <translation>日本語（かな）</translation>
    </message>
    <message>
        <location filename="../qml/TextKeyboard.qml" line="163"/>
        <source>Space</source>
        <translation>空白</translation>
    </message>
    <message>
        <location filename="../qml/TextKeyboard.qml" line="174"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../qml/TextKeyboard.qml" line="181"/>
        <source>Done</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../qml/TextKeyboard.qml" line="182"/>
        <source>Close the keyboard</source>
        <translation>キーボードを閉じる</translation>
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
    <name>UserForm</name>
    <message>
        <location filename="../qml/UserForm.qml" line="16"/>
        <location filename="../qml/UserForm.qml" line="52"/>
        <source>Add a user</source>
        <translation>利用者を追加</translation>
    </message>
    <message>
        <location filename="../qml/UserForm.qml" line="61"/>
        <location filename="../qml/UserForm.qml" line="62"/>
        <source>User ID</source>
        <translation>ユーザーID</translation>
    </message>
    <message>
        <location filename="../qml/UserForm.qml" line="68"/>
        <source>Name (as it appears in the register)</source>
        <translation>名前（台帳に記録される表記）</translation>
    </message>
    <message>
        <location filename="../qml/UserForm.qml" line="88"/>
        <source>%1 (selected)</source>
        <translation>%1（選択中）</translation>
    </message>
    <message>
        <location filename="../qml/UserForm.qml" line="96"/>
        <location filename="../qml/UserForm.qml" line="98"/>
        <source>First password</source>
        <translation>初期パスワード</translation>
    </message>
    <message>
        <location filename="../qml/UserForm.qml" line="104"/>
        <source>Adding…</source>
        <translation>追加中…</translation>
    </message>
    <message>
        <location filename="../qml/UserForm.qml" line="104"/>
        <location filename="../qml/UserForm.qml" line="105"/>
        <source>Add user</source>
        <translation>追加する</translation>
    </message>
    <message>
        <location filename="../qml/UserForm.qml" line="113"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
</context>
<context>
    <name>massho::kiosk::ApplianceClient</name>
    <message>
        <location filename="../appliance_client.cpp" line="29"/>
        <source>The appliance service cannot be reached. Ask the administrator to check masshod.</source>
        <translation>消去装置のサービスに接続できません。管理者に masshod の確認を依頼してください。</translation>
    </message>
</context>
<context>
    <name>massho::kiosk::CarryOutFlow</name>
    <message>
        <location filename="../carry_out_flow.cpp" line="105"/>
        <source>asked at the kiosk</source>
        <translation>端末から申請</translation>
    </message>
</context>
<context>
    <name>massho::kiosk::EraseFlow</name>
    <message>
        <location filename="../erase_flow.cpp" line="106"/>
        <source>asked at the kiosk</source>
        <translation>端末から申請</translation>
    </message>
</context>
<context>
    <name>massho::kiosk::MediaDesk</name>
    <message>
        <location filename="../media_desk.cpp" line="118"/>
        <source>The witness logs in here first, as the second person.</source>
        <translation>先に立会人が二人目としてここでログインしてください。</translation>
    </message>
</context>
<context>
    <name>massho::kiosk::RegisterDesk</name>
    <message>
        <location filename="../register_desk.cpp" line="71"/>
        <source>Certificate for entry %1 issued (register entry %2).</source>
        <translation>記録 %1 の証明書を発行しました（台帳記録 %2）。</translation>
    </message>
    <message>
        <location filename="../register_desk.cpp" line="85"/>
        <source>Certificate for entry %1 sent to the printer (register entry %2).</source>
        <translation>記録 %1 の証明書をプリンターに送りました（台帳記録 %2）。</translation>
    </message>
</context>
</TS>
