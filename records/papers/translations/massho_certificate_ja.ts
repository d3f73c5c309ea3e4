<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>massho::records::Certificate</name>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>title</source>
        <translation>データ消去証明書</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>reissue</source>
        <translation>再発行</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>statement</source>
        <translation>下記の記録媒体について、下記のとおりデータ消去を実施し、署名付き台帳に記録したことを証明します。</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>number</source>
        <translation>証明書番号</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>issued_at</source>
        <translation>発行日時</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>issued_by</source>
        <translation>発行担当者</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>register</source>
        <translation>発行元（台帳）</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>software</source>
        <translation>消去装置ソフトウェア</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>section_medium</source>
        <translation>対象媒体</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>manufacturer</source>
        <translation>製造者</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>model</source>
        <translation>型番</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>serial</source>
        <translation>製造番号</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>bytes</source>
        <translation>バイト</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>media_type</source>
        <translation>媒体種別</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>transport</source>
        <translation>接続方式</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>asset</source>
        <translation>資産管理番号</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>section_erasure</source>
        <translation>消去内容</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>class</source>
        <translation>情報の重要性分類</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>purpose_disposal</source>
        <translation>廃棄</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>purpose_lease-return</source>
        <translation>リース返却</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>purpose_reuse</source>
        <translation>再利用</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>method</source>
        <translation>消去方式</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>passes</source>
        <translation>消去パス</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>nist</source>
        <translation>NIST SP 800-88 達成レベル</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>nist_clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>nist_purge</source>
        <translation>パージ</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destroy_advice</source>
        <translation>フラッシュ媒体はクリアまでの消去のため、物理的破壊を推奨します</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>verification</source>
        <translation>検証</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>verify_full</source>
        <translation>全領域</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>verify_sample</source>
        <translation>抽出</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>verify_none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>verify_passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>verify_not-run</source>
        <translation>未実施</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>started</source>
        <translation>開始日時</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>ended</source>
        <translation>終了日時</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>operator</source>
        <translation>作業者</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>request</source>
        <translation>申請番号</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>requester</source>
        <translation>申請者</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>approver</source>
        <translation>承認者（データ管理者）</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>error_ranges</source>
        <translation>エラー範囲</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>section_register</source>
        <translation>署名付き台帳</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>index</source>
        <translation>台帳番号</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>entry_hash</source>
        <translation>記録ハッシュ</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>checkpoint</source>
        <translation>チェックポイント</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>signers</source>
        <translation>署名者</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>proof_heading</source>
        <translation>包含証明（QRコードと同一内容）</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>qr_caption</source>
        <translation>QRコード：記録と包含証明</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>how_to_verify</source>
        <translation>検証方法：massho certificate verify ファイル --vkey 公開鍵</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>list_title</source>
        <translation>廃棄記録一覧</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>period</source>
        <translation>期間</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>list_count</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destruction_title</source>
        <translation>データ媒体破壊証明書</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destruction_statement</source>
        <translation>下記の記録媒体について、下記のとおり物理的に破壊し、立会人の確認のうえ署名付き台帳に記録したことを証明します。</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>section_destruction</source>
        <translation>破壊</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destruction_method</source>
        <translation>破壊方法</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destroy_shred</source>
        <translation>破砕（シュレッダー）</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destroy_crush</source>
        <translation>圧壊</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destroy_degauss</source>
        <translation>磁気消去（消磁）</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destroy_melt</source>
        <translation>溶解</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destroy_incinerate</source>
        <translation>焼却</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>destroy_disassemble</source>
        <translation>分解・部品破壊</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>performed_on</source>
        <translation>実施日</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>place</source>
        <translation>実施場所</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>performed_by</source>
        <translation>実施者</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>witness</source>
        <translation>立会人</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>contractor</source>
        <translation>委託先</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>contractor_cert</source>
        <translation>委託先証明書番号</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>photos</source>
        <translation>写真（SHA-256）</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>my_number</source>
        <translation>個人番号を含む</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>erasure_entry</source>
        <translation>先行する消去記録</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location filename="../src/certificate_strings.cpp"/>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
</context>
</TS>
