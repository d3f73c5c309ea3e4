import QtQuick
import QtTest
import Massho.Kiosk

// Japanese in the kiosk's free-text fields (TextKeyboard.qml), typed by pressing its keys and
// candidates alone, as a finger or a switch user over AT-SPI would: 山田 from やまだ, 北区役所 as
// 北区 then 役所, 保管庫, katakana, Latin letters beside kana, and Latin letters only (with a note
// saying why) when the dictionary cannot be read. Against the real service, as an administrator
// adding a person and filling in the key book.
KioskTestCase {
    id: test
    name: "KioskTextInput"
    when: windowShown

    Component {
        id: kiosk
        Main { visible: true }
    }

    function init() {
        if (!testbed.ready) skip(testbed.skipReason)
    }
    // Kana keys by what they type ("kana key た", then "kana key ゛" for だ).
    function typeKana(window, keys) {
        for (const key of keys) press(window, "kana key " + key)
    }
    // The candidate, once the dictionary's answer shows.
    function choose(window, candidate) {
        tryVerify(() => {
            const item = findChild(window.contentItem, "candidate " + candidate)
            return item && item.visible
        }, 15000, "no candidate " + candidate + ": "
                  + find(window, "text keyboard").converter.candidates.join(" "))
        wait(50)  // laid out where a finger would see it (the row is laid out on the next frame)
        compare(find(window, "candidate " + candidate).Accessible.name, candidate)
        press(window, "candidate " + candidate)
    }
    function addUserForm(window) {
        logIn(window, "admin")
        press(window, "open admin")
        press(window, "open add user")
    }

    function test_aNameIsTypedInKanaAndConvertedToKanji() {
        const window = createTemporaryObject(kiosk, test)
        addUserForm(window)
        const board = find(window, "text keyboard")
        verify(!board.visible)
        const name = find(window, "new user name field")
        mouseClick(name)
        tryVerify(() => board.visible, 5000, "no keyboard for a text field")
        verify(find(window, "kana keys").visible, "the keyboard does not start in kana")
        typeKana(window, "やまた゛")
        compare(find(window, "text keyboard").converter.reading, "やまだ")
        compare(name.text, "", "a reading not chosen yet is already in the field")
        choose(window, "山田")
        compare(name.text, "山田")
        press(window, "text key space")
        // Katakana, on the second page of たろう's candidates (太郎 太朗 田老 太良 多郎 たろう).
        typeKana(window, "たろう")
        wait(50)
        verify(find(window, "candidate 太郎").visible)
        verify(findChild(window.contentItem, "candidate タロウ") === null)
        press(window, "more candidates")
        choose(window, "タロウ")
        compare(name.text, "山田 タロウ")
        // Delete takes the reading back first, then the field's own text.
        typeKana(window, "あ")
        press(window, "kana key delete")
        compare(find(window, "text keyboard").converter.reading, "")
        press(window, "kana key delete")
        compare(name.text, "山田 タロ")
        compare(find(window, "kana key ゛").Accessible.name, "゛")
        compare(find(window, "kana key や").Accessible.role, Accessible.Button)
        // The keypad fields (ID, password) never bring it up.
        press(window, "new user id field")
        tryVerify(() => !board.visible, 5000, "the text keyboard stayed over the keypad")
        compare(name.text, "山田 タロ")
    }

    function test_placeNamesInPartsAndLatinLettersBesideKana() {
        const window = createTemporaryObject(kiosk, test)
        addUserForm(window)
        press(window, "cancel add user")
        press(window, "admin section keys")
        const office = find(window, "recipient label field")
        mouseClick(office)
        tryVerify(() => find(window, "text keyboard").visible, 5000, "no keyboard")
        typeKana(window, "きたく")
        choose(window, "北区")
        typeKana(window, "やくしよ")
        press(window, "kana key 小")  // よ → ょ
        choose(window, "役所")
        compare(office.text, "北区役所")
        press(window, "kana key ・")
        typeKana(window, "ほかんこ")
        choose(window, "保管庫")
        // Latin letters on the same keyboard, and back to kana.
        press(window, "text key mode")
        verify(find(window, "text keypad").visible)
        verify(!find(window, "kana keys").visible)
        press(window, "text key shift")
        press(window, "text key B")
        compare(office.text, "北区役所・保管庫B")
        press(window, "text key mode")
        verify(find(window, "kana keys").visible)
        press(window, "text key done")
        tryVerify(() => !find(window, "text keyboard").visible, 5000, "the keyboard stayed")
        compare(office.text, "北区役所・保管庫B")
    }

    function test_withoutTheDictionaryLatinLettersAndANote() {
        const window = createTemporaryObject(kiosk, test)
        window.language.current = "en"
        addUserForm(window)
        const converter = find(window, "text keyboard").converter
        converter.path = "/nonexistent/massho-test/SKK-JISYO.L"
        tryVerify(() => converter.failed, 15000, "a missing dictionary was not noticed")
        const name = find(window, "new user name field")
        mouseClick(name)
        tryVerify(() => find(window, "text keyboard").visible, 5000, "no keyboard")
        const note = find(window, "text keyboard note")
        verify(note.visible)
        verify(note.text.indexOf("Japanese input is unavailable") >= 0, note.text)
        verify(note.text.indexOf("skkdic") >= 0, note.text)
        verify(!find(window, "kana keys").visible)
        verify(!find(window, "text key mode").enabled)
        press(window, "text key shift")
        press(window, "text key K")
        press(window, "text key shift")
        press(window, "text key i")
        compare(name.text, "Ki")
    }
}
