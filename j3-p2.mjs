import PDFDocument from 'pdfkit';
import fs from 'fs';
const doc = new PDFDocument(); const chunks=[]; doc.on('data',c=>chunks.push(c));
doc.registerFont('x', fs.readFileSync(process.argv[2]));
doc.font('x').text(process.argv[3]);
doc.end();
try { await new Promise((r,j)=>{doc.on('end',r); doc.on('error', j)}); console.log('OK', Buffer.concat(chunks).length); } catch(e) { console.log('FAIL', e.message); }
