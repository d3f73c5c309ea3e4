#include "massho/records/register/note.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "massho/base/base64.h"
#include "massho/base/hex.h"
#include "massho/records/register/errors.h"
#include "massho/records/register/proof.h"
#include "test_util.h"

using namespace massho::records;
using massho::records::test::hexToBytes;

namespace {
// golang.org/x/mod/sumdb/note package documentation.
const char* kPeterSkey =
    "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
const char* kPeterVkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
const char* kPeterText =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";
const char* kPeterNote =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
    "\n"
    "\xe2\x80\x94 PeterNeumann "
    "x08go/ZJkuBS9UG/"
    "SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
}  // namespace

TEST(SignedNote, ReproducesTheGoNoteExampleByteForByte) {
    SigningKey key = SigningKey::fromPrivateKeyString(kPeterSkey);
    EXPECT_EQ(signNote(kPeterText, key), kPeterNote);
    SignedNote note = parseNote(kPeterNote);
    EXPECT_EQ(note.body, kPeterText);
    EXPECT_TRUE(note.signedBy(VerifierKey::parse(kPeterVkey)));
    EXPECT_EQ(note.text(), kPeterNote);
}

TEST(SignedNote, UnknownKeysAreIgnoredAndTamperingDetected) {
    SigningKey other = SigningKey::generate("Other");
    std::string twoSigs = addSignatureLine(
        kPeterNote, signatureLine(other.name(), other.keyId() + other.sign(kPeterText)));
    SignedNote note = parseNote(twoSigs);
    EXPECT_TRUE(note.signedBy(VerifierKey::parse(kPeterVkey)));
    EXPECT_TRUE(note.signedBy(other.verifierKey()));
    std::string changed = kPeterNote;
    changed[3] = 'X';
    EXPECT_FALSE(parseNote(changed).signedBy(VerifierKey::parse(kPeterVkey)));
}

TEST(SignedNote, RejectsMalformedNotes) {
    EXPECT_THROW(parseNote("no blank line\n"), NoteFormatError);
    EXPECT_THROW(parseNote("body\n\n- PeterNeumann AAAAAAAA\n"), NoteFormatError);  // ASCII dash
    EXPECT_THROW(parseNote("body\n\n\xe2\x80\x94 PeterNeumann AAAA\n"),
                 NoteFormatError);  // < 5 bytes
    EXPECT_THROW(parseNote("body\n\n\xe2\x80\x94 PeterNeumann x08go/ZJ"), NoteFormatError);
    EXPECT_THROW(parseNote(std::string("bo\tdy\n\n") + (kPeterNote + 100)), NoteFormatError);
}

// isNoteWithBody is what verification runs on the checkpoints whose signature it skips: it must
// accept exactly the texts parseNote accepts with that body, whatever is done to them.
TEST(SignedNote, IsNoteWithBodyAgreesWithParseNote) {
    const std::string note = kPeterNote;
    auto agrees = [&](const std::string& text, const std::string& body) {
        bool parsed = false;
        try {
            parsed = parseNote(text).body == body;
        } catch (const NoteFormatError&) {
        }
        EXPECT_EQ(isNoteWithBody(text, body), parsed) << text;
        return parsed;
    };
    EXPECT_TRUE(agrees(note, kPeterText));
    EXPECT_FALSE(agrees(note, std::string(kPeterText) + "more\n"));
    EXPECT_FALSE(agrees(note, "If you think"));
    const std::string alphabet = std::string("AQgwz09+/=- \n\t\x01\x7f") + "\xe2\x80\x94";
    size_t accepted = 0;
    for (size_t i = 0; i < note.size(); ++i) {
        std::string deleted = note, doubled = note;
        deleted.erase(i, 1);
        doubled.insert(i, 1, note[i]);
        agrees(deleted, kPeterText);
        agrees(doubled, kPeterText);
        for (char c : alphabet) {
            std::string replaced = note;
            replaced[i] = c;
            accepted += agrees(replaced, kPeterText) ? 1 : 0;
        }
    }
    EXPECT_GT(accepted, 0u);  // letters in the signature: still well-formed notes
    // Pad bits: the last character before "=" must leave its low bits zero.
    const std::string sig = "\xe2\x80\x94 PeterNeumann ";
    for (const char* b64 : {"AAAAAAA=", "AAAAAAB=", "AAAAAAE=", "AAAAAA==", "AAAAAB==", "AAAAAQ==",
                            "AAAAAAAA", "AAAA====", "AA=AAAAA"})
        agrees(std::string("body\n\n") + sig + b64 + "\n", "body\n");
}

TEST(Checkpoint, FormatsAndParsesTlogCheckpointV1) {
    Checkpoint c{"example.com/log", 12345, leafHash("x"), {}};
    std::string body = c.body();
    EXPECT_EQ(body, "example.com/log\n12345\n" +
                        massho::base::base64::encode(hashView(leafHash("x"))) + "\n");
    Checkpoint back = Checkpoint::parse(body);
    EXPECT_EQ(back.origin, c.origin);
    EXPECT_EQ(back.size, c.size);
    EXPECT_EQ(back.root, c.root);
    EXPECT_THROW(
        Checkpoint::parse("o\n012\n" + massho::base::base64::encode(hashView(c.root)) + "\n"),
        NoteFormatError);
    EXPECT_THROW(Checkpoint::parse("o\n12\nAAAA\n"), NoteFormatError);
    EXPECT_THROW(Checkpoint::parse("o\n12\n"), NoteFormatError);
}

TEST(Cosignature, SignsTheCosignatureV1MessageAndVerifies) {
    SigningKey witness = SigningKey::generate("witness.example", kCosignatureKeyType);
    EXPECT_EQ(VerifierKey::parse(witness.vkey()).type(), kCosignatureKeyType);
    SigningKey log = SigningKey::generate("example.com/log");
    std::string body = Checkpoint{"example.com/log", 3, leafHash("x"), {}}.body();
    std::string line = cosignatureLine(body, witness, 1700000000);
    SignedNote note = parseNote(addSignatureLine(signNote(body, log), line));
    ASSERT_EQ(note.signatures.size(), 2u);
    EXPECT_EQ(note.signatures[1].payload.size(), 72u);  // 8-byte time ‖ 64-byte signature
    EXPECT_EQ(verifyCosignature(note, witness.verifierKey()), 1700000000u);
    // The signed message is exactly "cosignature/v1\ntime <t>\n" ‖ body (C2SP tlog-cosignature).
    EXPECT_TRUE(witness.verifierKey().verify("cosignature/v1\ntime 1700000000\n" + body,
                                             note.signatures[1].payload.substr(8)));
    SignedNote other = parseNote(addSignatureLine(signNote(body + "x\n", log), line));
    EXPECT_FALSE(verifyCosignature(other, witness.verifierKey()));
}

TEST(TlogProof, RoundTripsTheTextFormat) {
    TlogProof p{std::string("extra-data"), 5, {leafHash("a"), leafHash("b")}, kPeterNote};
    std::string text = p.text();
    EXPECT_TRUE(text.starts_with("c2sp.org/tlog-proof@v1\nextra ZXh0cmEtZGF0YQ==\nindex 5\n"));
    TlogProof back = TlogProof::parse(text);
    EXPECT_EQ(back.extra, p.extra);
    EXPECT_EQ(back.index, 5u);
    EXPECT_EQ(back.hashes, p.hashes);
    EXPECT_EQ(back.checkpointNote, kPeterNote);
    EXPECT_THROW(TlogProof::parse("c2sp.org/tlog-proof@v1\nindex 05\n\n"), NoteFormatError);
}

TEST(Ed25519Vectors, Rfc8032Section7_1) {
    struct Vector {
        const char *secret, *pub, *msg, *sig;
    } vectors[] = {
        {"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
         "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
         "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701"
         "cf9b46bd25bf5f0595bbe24655141438e7a100b"},
        {"4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
         "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
         "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d"
         "0f11d8c387b2eaeb4302aeeb00d291612bb0c00"},
        {"c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
         "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
         "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f7609"
         "84dc6594a7c15e9716ed28dc027beceea1ec40a"},
    };
    for (const auto& v : vectors) {
        SigningKey key = SigningKey::fromSeed("rfc8032", hexToBytes(v.secret));
        EXPECT_EQ(massho::base::hexEncode(key.publicKey()), v.pub);
        EXPECT_EQ(massho::base::hexEncode(key.sign(hexToBytes(v.msg))), v.sig);
        EXPECT_TRUE(key.verifierKey().verify(hexToBytes(v.msg), hexToBytes(v.sig)));
    }
}

TEST(Ed25519Vectors, Wycheproof) {
    QFile file(MASSHO_TESTVECTORS "/wycheproof/ed25519_test.json");
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << "missing Wycheproof vectors";
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    int checked = 0;
    for (const auto& groupValue : root["testGroups"].toArray()) {
        QJsonObject group = groupValue.toObject();
        std::string pub = hexToBytes(group["publicKey"].toObject()["pk"].toString().toStdString());
        for (const auto& testValue : group["tests"].toArray()) {
            QJsonObject t = testValue.toObject();
            std::string msg = hexToBytes(t["msg"].toString().toStdString());
            std::string sig = hexToBytes(t["sig"].toString().toStdString());
            bool valid = t["result"].toString() == "valid";
            bool ok = false;
            try {
                ok = VerifierKey("wycheproof", kNoteKeyType, pub).verify(msg, sig);
            } catch (const KeyError&) {
                ok = false;  // a public key OpenSSL refuses cannot verify anything
            }
            EXPECT_EQ(ok, valid) << "tcId " << t["tcId"].toInt();
            ++checked;
        }
    }
    EXPECT_EQ(checked, root["numberOfTests"].toInt());
}
