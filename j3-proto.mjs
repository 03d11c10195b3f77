import PDFDocument from 'pdfkit';
import * as fontkit from 'fontkit';
import fs from 'fs';
const [file, limit] = [process.argv[2], Number(process.argv[3]||100000)];
const f = fontkit.create(fs.readFileSync(file));
const cps = f.characterSet.filter(c=>c>32).slice(0, limit);
const doc = new PDFDocument(); const chunks=[]; doc.on('data',c=>chunks.push(c));
doc.registerFont('x', fs.readFileSync(file));
doc.font('x').text(String.fromCodePoint(...cps));
doc.end();
try { await new Promise((r,j)=>{doc.on('end',r); doc.on('error', j)}); console.log('OK', file.split('/').pop(), cps.length, Buffer.concat(chunks).length); } catch(e) { console.log('FAIL', file.split('/').pop(), e.message); }
